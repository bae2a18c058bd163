using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace PanelBot.Storage;

public static class StorageRegistration
{
    public static IHostApplicationBuilder AddStorage(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .Bind(builder.Configuration.GetSection(StorageOptions.Section))
            .Configure(o => o.ConnectionString = builder.Configuration.GetConnectionString("PanelBot") ?? o.ConnectionString)
            .ValidateDataAnnotations()
            .Validate(o => Enum.IsDefined(o.Sqlite.Synchronous), "Storage:Sqlite:Synchronous must be Normal or Full.")
            .Validate(o => o.Provider != StorageProvider.PostgreSql || !PostgreSqlConnectionString.Multiplexes(o.ConnectionString),
                "ConnectionStrings:PanelBot: Npgsql's Multiplexing is not supported. An RSVP answer begins and commits its transaction " +
                "in its own statements, which multiplexing refuses (www.npgsql.org/doc/performance.html#multiplexing).")
            .ValidateOnStart();

        // Pooled: a turn is a handful of short queries, and building a context per turn showed up in CPU profiles.
        // Interceptors are IInterceptor singletons (the read caches', and tests' own).
        builder.Services.AddDbContextPool<PanelBotDbContext>((services, options) =>
        {
            var storage = services.GetRequiredService<IOptions<StorageOptions>>().Value;
            options.AddInterceptors(services.GetServices<IInterceptor>());
            if (storage.Provider == StorageProvider.PostgreSql)
            {
                options.UseNpgsql(PostgreSqlConnectionString.WithDefaults(storage.ConnectionString));
            }
            else
            {
                options.UseSqlite(storage.ConnectionString, sqlite => sqlite.CommandTimeout(30))
                    .AddInterceptors(new SqliteSynchronousInterceptor(storage.Sqlite.Synchronous));
            }
        });
        builder.Services.AddSingleton<IInterceptor, ReadCacheInterceptor>();
        builder.Services.AddSingleton<TurnConnection.KeepOpen>();
        builder.Services.AddSingleton<IInterceptor>(provider => provider.GetRequiredService<TurnConnection.KeepOpen>());
        builder.Services.AddSingleton<WriteGate>();
        builder.Services.AddSingleton<SqliteWriter>();
        builder.Services.AddSingleton<SqliteGroupCommit>();
        builder.Services.AddScoped<WriteBatch>();
        builder.Services.AddSingleton<ConversationStore.Written>();
        builder.Services.AddSingleton(typeof(Seen<>));
        builder.Services.AddScoped<DatabaseMigrator>();
        builder.Services.AddScoped<ConversationStore>();
        builder.Services.AddScoped<TurnConnection>();
        builder.Services.AddHostedService<MigrateOnStart>();
        return builder;
    }

    /// <summary>Creates the SQLite folder and applies migrations before the app takes traffic.</summary>
    private sealed class MigrateOnStart(IServiceProvider services, IOptions<StorageOptions> options) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            var storage = options.Value;
            if (!storage.MigrateOnStart)
            {
                return;
            }

            if (storage.Provider == StorageProvider.Sqlite)
            {
                EnsureSqliteFolder(storage.ConnectionString);
            }

            await using var scope = services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DatabaseMigrator>().MigrateAsync(storage.Provider, cancellationToken);
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        private static void EnsureSqliteFolder(string connectionString)
        {
            var file = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }
    }
}
