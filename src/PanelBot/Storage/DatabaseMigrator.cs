using System.Data.Common;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace PanelBot.Storage;

/// <summary>
/// Applies the versioned SQL scripts embedded under Storage/Migrations/{provider}/, each in its own transaction.
/// </summary>
/// <remarks>
/// Plain SQL rather than EF's generated migrations: the EF design-time package cannot be restored here, and the
/// Quartz job-store tables, which EF does not model, belong to the same schema. Several instances may start at once
/// on PostgreSQL, so the run holds an advisory lock; SQLite serialises through BEGIN IMMEDIATE.
/// </remarks>
public sealed class DatabaseMigrator(PanelBotDbContext db, TimeProvider clock, ILogger<DatabaseMigrator> logger)
{
    private const long PostgresLockKey = 0x50616E656C426F74; // "PanelBot"

    public static IReadOnlyList<(string Version, string Sql)> Scripts(StorageProvider provider)
    {
        var assembly = typeof(DatabaseMigrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Storage.Migrations.{provider}.";
        return assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name => (Version: name[prefix.Length..^4], Sql: Read(assembly, name)))
            .ToList();
    }

    public async Task<int> MigrateAsync(StorageProvider provider, CancellationToken ct = default)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (provider == StorageProvider.Sqlite)
            {
                // Write-ahead logging lets readers go on while one turn writes, instead of every turn queueing on the
                // file lock (the RSVP benchmark spent most of its time in "database is locked"). It sticks to the file.
                await ExecuteAsync(connection, null, "PRAGMA journal_mode = WAL", ct);
            }
            await ExecuteAsync(connection, null, "CREATE TABLE IF NOT EXISTS schema_migrations (version VARCHAR(200) PRIMARY KEY, applied_at VARCHAR(40) NOT NULL)", ct);
            var applied = 0;
            foreach (var (version, sql) in Scripts(provider))
            {
                await using var tx = await BeginAsync(connection, provider, ct);
                if (await IsAppliedAsync(connection, tx, version, ct))
                {
                    await tx.RollbackAsync(ct);
                    continue;
                }
                await ExecuteAsync(connection, tx, sql, ct);
                await using (var record = connection.CreateCommand())
                {
                    record.Transaction = tx;
                    record.CommandText = "INSERT INTO schema_migrations (version, applied_at) VALUES (@v, @t)";
                    AddParameter(record, "@v", version);
                    AddParameter(record, "@t", clock.GetUtcNow().ToString("O"));
                    await record.ExecuteNonQueryAsync(ct);
                }
                await tx.CommitAsync(ct);
                logger.LogInformation("Applied database migration {Version}", version);
                applied++;
            }
            return applied;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<DbTransaction> BeginAsync(DbConnection connection, StorageProvider provider, CancellationToken ct)
    {
        if (provider == StorageProvider.Sqlite)
        {
            // Deferred transactions would let two processes both see "not applied"; IMMEDIATE takes the write lock now.
            await ExecuteAsync(connection, null, "PRAGMA busy_timeout = 30000", ct);
            var sqlite = (Microsoft.Data.Sqlite.SqliteConnection)connection;
            return sqlite.BeginTransaction(deferred: false);
        }
        var tx = await connection.BeginTransactionAsync(ct);
        await ExecuteAsync(connection, tx, $"SELECT pg_advisory_xact_lock({PostgresLockKey})", ct);
        return tx;
    }

    private static async Task<bool> IsAppliedAsync(DbConnection connection, DbTransaction tx, string version, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = "SELECT COUNT(*) FROM schema_migrations WHERE version = @v";
        AddParameter(command, "@v", version);
        return Convert.ToInt64(await command.ExecuteScalarAsync(ct)) > 0;
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? tx, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
