using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Npgsql;
using PanelBot.Storage;

namespace PanelBot.Features.Operations;

/// <summary>
/// Ready when the database answers and every migration this build ships has been applied. It opens a connection of its
/// own: an unpooled SQLite one that may not create the file (a pooled handle would keep answering for a deleted file,
/// and opening a missing one would quietly create an empty database), or a short-timeout PostgreSQL one.
/// </summary>
public sealed class DatabaseHealthCheck(IOptions<StorageOptions> options, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    public const string Name = "database";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var storage = options.Value;
        var expected = DatabaseMigrator.Scripts(storage.Provider).Select(s => s.Version).ToList();
        try
        {
            await using var connection = Open(storage);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT version FROM schema_migrations";
            var applied = new HashSet<string>(StringComparer.Ordinal);
            await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                {
                    applied.Add(reader.GetString(0));
                }
            }

            var missing = expected.Count(v => !applied.Contains(v));
            return missing == 0
                ? HealthCheckResult.Healthy($"{storage.Provider}: reachable, {expected.Count} migrations applied")
                : HealthCheckResult.Unhealthy($"{storage.Provider}: {missing} of {expected.Count} migrations not applied");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The body is public: it names the kind of failure only; the log has the details.
            logger.LogWarning(ex, "Database health check failed");
            return HealthCheckResult.Unhealthy($"{storage.Provider}: unreachable or not migrated ({ex.GetType().Name})");
        }
    }

    private static DbConnection Open(StorageOptions storage) => storage.Provider == StorageProvider.PostgreSql
        ? new NpgsqlConnection(new NpgsqlConnectionStringBuilder(storage.ConnectionString) { Timeout = 5, CommandTimeout = 5 }.ConnectionString)
        : new SqliteConnection(new SqliteConnectionStringBuilder(storage.ConnectionString)
        {
            Mode = SqliteOpenMode.ReadWrite,
            Pooling = false,
            DefaultTimeout = 5,
        }.ConnectionString);
}
