using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace PanelBot.Storage;

/// <summary>
/// Keeps the context's SQLite connection open for a whole turn. Outside a transaction EF opens and closes the connection
/// around every query and command; each SQLite open registers EF's SQL functions on the native connection and each close
/// removes them again, which showed up in CPU profiles of the RSVP answer (several opens per turn). An open SQLite connection that is not in a
/// transaction holds no lock, so <see cref="WriteGate"/>'s one-writer rule is unchanged. PostgreSQL connections are
/// server processes from a bounded pool, and a turn can wait seconds for Teams; there EF keeps opening one per operation.
/// </summary>
public sealed class TurnConnection(PanelBotDbContext db, IOptions<StorageOptions> storage)
{
    /// <summary>Opens the connection until the returned handle is disposed (nothing on PostgreSQL).</summary>
    public async ValueTask<Held?> HoldAsync(CancellationToken ct)
    {
        if (storage.Value.Provider != StorageProvider.Sqlite)
        {
            return null;
        }

        await db.Database.OpenConnectionAsync(ct);
        return new Held(db);
    }

    public sealed class Held(PanelBotDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await db.Database.CloseConnectionAsync();
    }
}
