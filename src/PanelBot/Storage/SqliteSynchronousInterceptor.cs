using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PanelBot.Storage;

/// <summary>
/// Applies <see cref="SqliteSettings.Synchronous"/> to every SQLite connection EF opens. The pragma belongs to the native
/// connection, which Microsoft.Data.Sqlite pools and hands to whichever <see cref="SqliteConnection"/> opens next, so it
/// is issued once per native connection rather than on every open (EF opens and closes around each query).
/// </summary>
public sealed class SqliteSynchronousInterceptor(SqliteSynchronous level) : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<object, object> _applied = [];
    private readonly string _pragma = $"PRAGMA synchronous = {level.ToString().ToUpperInvariant()}";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (Pending(connection) is { } sqlite)
        {
            using var command = sqlite.CreateCommand();
            command.CommandText = _pragma;
            command.ExecuteNonQuery();
            _applied.AddOrUpdate(sqlite.Handle!, level);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (Pending(connection) is { } sqlite)
        {
            await using var command = sqlite.CreateCommand();
            command.CommandText = _pragma;
            await command.ExecuteNonQueryAsync(cancellationToken);
            _applied.AddOrUpdate(sqlite.Handle!, level);
        }
    }

    private SqliteConnection? Pending(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } sqlite && !_applied.TryGetValue(handle, out _) ? sqlite : null;
}
