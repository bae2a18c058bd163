using System.Data;
using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace PanelBot.Storage;

/// <summary>
/// Keeps the context's SQLite connection open from a turn's first query to the turn's end. Outside a transaction EF
/// opens and closes the connection around every query and command; each SQLite open registers EF's SQL functions on the
/// native connection and each close removes them again, which showed up in CPU profiles of the RSVP answer (several
/// opens per turn). The connection is opened only when the turn first needs it: an RSVP answer reads its event and the
/// person's profile from <see cref="ReadCache{TKey, TEntity}"/> and writes on <see cref="SqliteWriter"/>, so it usually
/// needs none. An open SQLite connection that is not in a transaction holds no lock, so <see cref="WriteGate"/>'s
/// one-writer rule is unchanged. PostgreSQL connections are server processes from a bounded pool, and a turn can wait
/// seconds for Teams; there EF keeps opening one per operation.
/// </summary>
public sealed class TurnConnection(PanelBotDbContext db, IOptions<StorageOptions> storage, TurnConnection.KeepOpen keepOpen)
{
    /// <summary>Holds the connection open, once opened, until the returned handle is disposed (nothing on PostgreSQL).</summary>
    public Held? Hold() =>
        storage.Value.Provider == StorageProvider.Sqlite ? new Held(db, keepOpen) : null;

    public sealed class Held : IAsyncDisposable
    {
        private readonly PanelBotDbContext _db;
        private readonly KeepOpen _keepOpen;

        internal Held(PanelBotDbContext db, KeepOpen keepOpen)
        {
            _db = db;
            _keepOpen = keepOpen;
            keepOpen.Hold(db);
        }

        public async ValueTask DisposeAsync()
        {
            _keepOpen.Release(_db);
            // EF Core left it open for this turn and counts it as opened by someone else, so it is closed here.
            var connection = _db.Database.GetDbConnection();
            if (connection.State != ConnectionState.Closed && _db.Database.CurrentTransaction is null)
            {
                await connection.CloseAsync();
            }
        }
    }

    /// <summary>
    /// Turns EF Core's close of a held context's connection into nothing: EF then treats the open connection as opened
    /// outside it, and neither opens nor closes it again until <see cref="Held"/> closes it.
    /// </summary>
    public sealed class KeepOpen : DbConnectionInterceptor
    {
        private readonly ConditionalWeakTable<DbContext, object> _held = [];

        internal void Hold(DbContext context) => _held.AddOrUpdate(context, this);

        internal void Release(DbContext context) => _held.Remove(context);

        public override InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
            IsHeld(eventData.Context) ? InterceptionResult.Suppress() : result;

        public override ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData,
            InterceptionResult result) =>
            ValueTask.FromResult(IsHeld(eventData.Context) ? InterceptionResult.Suppress() : result);

        private bool IsHeld(DbContext? context) => context is not null && _held.TryGetValue(context, out _);
    }
}
