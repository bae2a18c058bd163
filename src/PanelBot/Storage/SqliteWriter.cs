using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace PanelBot.Storage;

/// <summary>
/// The one SQLite connection the hot writes run on (an RSVP answer's transaction, the outbox's claim and record), open
/// for the app's life and used only by whoever holds <see cref="WriteGate"/>, so one at a time. Its commands are kept
/// per SQL text and keep their prepared statements: Microsoft.Data.Sqlite prepares a command when it first runs and
/// finalizes its statements when the command is disposed or its connection closes, so with a command per call every
/// answer parsed its SQL again (in CPU profiles, preparing was as costly as running). A pooled connection is closed at
/// the end of each turn, hence a connection of its own. Nothing on PostgreSQL, where Npgsql keeps prepared statements
/// per pooled connection itself.
/// </summary>
public sealed class SqliteWriter(IOptions<StorageOptions> storage, WriteGate gate) : IAsyncDisposable
{
    // Each distinct text is one cached command; the texts are built from a handful of shapes, so this is never reached in
    // practice, and reaching it only costs preparing again.
    private const int MaxCommands = 256;

    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private SqliteConnection? _connection;

    public bool IsUsed => storage.Value.Provider == StorageProvider.Sqlite;

    /// <summary>The writer's connection, opened on first use. Only inside <see cref="WriteGate.EnterAsync"/>.</summary>
    public async Task<SqliteConnection> ConnectionAsync(CancellationToken ct)
    {
        if (!IsUsed)
        {
            throw new InvalidOperationException("The SQLite writer is only for SQLite storage.");
        }

        if (!gate.IsSqliteHeld)
        {
            throw new InvalidOperationException("The SQLite writer is used only while holding the write gate.");
        }

        if (_connection is null)
        {
            // Not pooled: closed for good when the app stops, so its file can go (tests delete theirs).
            var builder = new SqliteConnectionStringBuilder(storage.Value.ConnectionString) { Pooling = false };
            var connection = new SqliteConnection(builder.ConnectionString);
            await connection.OpenAsync(ct);
            // What EF Core's SQLite connection does on open (foreign keys, unless the connection string says), and ours.
            // The savepoints of a group commit keep the pages they change in a statement journal, which SQLite spills to
            // a temporary file past 64 KiB unless temporary storage is memory (sqlite.org/tempfiles.html, "Statement
            // Journal Files").
            var pragmas = $"PRAGMA synchronous = {storage.Value.Sqlite.Synchronous.ToString().ToUpperInvariant()};PRAGMA temp_store = MEMORY;" +
                          (builder.ForeignKeys is null ? "PRAGMA foreign_keys = ON;" : "");
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = pragmas;
                await command.ExecuteNonQueryAsync(ct);
            }

            _connection = connection;
        }

        return _connection;
    }

    /// <summary>
    /// The writer's command for <paramref name="built"/>'s text, with <paramref name="built"/>'s parameters moved over
    /// (the caller still disposes <paramref name="built"/>, and must not dispose what this returns).
    /// </summary>
    public DbCommand Prepared(DbCommand built)
    {
        var connection = _connection ?? throw new InvalidOperationException("Open the writer's connection first.");
        if (!_commands.TryGetValue(built.CommandText, out var command))
        {
            if (_commands.Count >= MaxCommands)
            {
                DisposeCommands();
            }

            command = connection.CreateCommand();
            command.CommandText = built.CommandText;
            _commands[built.CommandText] = command;
        }

        command.Parameters.Clear();
        var parameters = built.Parameters.Cast<SqliteParameter>().ToArray();
        built.Parameters.Clear();
        command.Parameters.AddRange(parameters);
        command.CommandTimeout = built.CommandTimeout;
        return command;
    }

    /// <summary>Runs a statement without results on the writer (e.g. <c>BEGIN IMMEDIATE</c>), prepared once.</summary>
    public async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        var connection = await ConnectionAsync(ct);
        await using var built = connection.CreateCommand();
        built.CommandText = sql;
        await Prepared(built).ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Runs <paramref name="work"/> as one transaction on the writer (<c>BEGIN IMMEDIATE</c>): committed when it returns
    /// true; rolled back when it returns false, throws or is cancelled, so nothing of it stays.
    /// </summary>
    public async Task InTransactionAsync(Func<Task<bool>> work, CancellationToken ct)
    {
        try
        {
            await ExecuteAsync("BEGIN IMMEDIATE", ct);
            if (await work())
            {
                await ExecuteAsync("COMMIT", ct);
            }
        }
        finally
        {
            await RollBackIfOpenAsync();
        }
    }

    /// <summary>After a transaction's work: it is still open only when it is not to stay.</summary>
    public async Task RollBackIfOpenAsync()
    {
        if (_connection is { } connection && SQLitePCL.raw.sqlite3_get_autocommit(connection.Handle) == 0)
        {
            await ExecuteAsync("ROLLBACK", CancellationToken.None);
        }
    }

    public async ValueTask DisposeAsync()
    {
        DisposeCommands();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    private void DisposeCommands()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
