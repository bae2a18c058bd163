using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using PanelBot.Storage;
using PanelBot.Features.TeamsQueue;

namespace PanelBot.Tests.Support;

/// <summary>
/// The real PanelBot host (Program.cs, migrations, routing) in memory, on its own database, with a clock the test controls.
/// No MicrosoftAppId is configured, so /api/messages takes activities without a token, as in local development.
/// </summary>
public sealed class BotApp : WebApplicationFactory<Program>
{
    /// <summary>Nothing listens on port 9 (discard): proactive messages fail fast and are logged by the app.</summary>
    public const string UnreachableServiceUrl = "http://127.0.0.1:9/";

    private readonly bool _ownsDatabase;

    /// <param name="database">Shared database (e.g. for a restart); null for a fresh SQLite file owned by this app.</param>
    /// <param name="clock">Shared clock; null for a new one at <see cref="TestNow"/>.</param>
    /// <param name="serviceUrl">The connector the activities name as their serviceUrl.</param>
    public BotApp(TestDatabase? database = null, FakeTimeProvider? clock = null, string serviceUrl = UnreachableServiceUrl)
    {
        _ownsDatabase = database is null;
        Database = database ?? TestDatabase.Sqlite();
        Clock = clock ?? TestClock.Create();
        ServiceUrl = serviceUrl;
    }

    public TestDatabase Database { get; }
    public FakeTimeProvider Clock { get; }
    public string ServiceUrl { get; }

    /// <summary>The app's warnings and errors (e.g. a proactive message that could not be delivered).</summary>
    public LogSink Logs { get; } = new();

    /// <summary>A fresh app on a fresh database of the given kind.</summary>
    public static async Task<BotApp> StartAsync(StorageProvider provider, string serviceUrl = UnreachableServiceUrl)
    {
        var database = provider == StorageProvider.PostgreSql ? await TestDatabase.PostgresAsync() : TestDatabase.Sqlite();
        var app = new BotApp(database, serviceUrl: serviceUrl) { DisposeDatabase = true };
        _ = app.Server; // starts the host: migrations run now, not inside the first request
        return app;
    }

    /// <summary>Extra configuration (e.g. <c>Mail:Transport</c>), applied after the defaults above.</summary>
    public IDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>Extra service registrations, applied last (they win over the app's own).</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    /// <summary>Drop the database with the app even though it was passed in.</summary>
    public bool DisposeDatabase { get; init; }

    public BotClient Bot() => new(CreateClient(), ServiceUrl);

    /// <summary>Runs a query on the app's own DbContext (a fresh scope, so it reads what is committed).</summary>
    public async Task<T> DbAsync<T>(Func<PanelBotDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PanelBotDbContext>());
    }

    /// <summary>
    /// Waits until the background Teams queue has nothing left (card refreshes, notices, member look-ups done or
    /// dropped), waking it meanwhile. Fails after <paramref name="timeout"/> (10 s by default).
    /// </summary>
    public Task TeamsWorkDoneAsync(TimeSpan? timeout = null)
    {
        var dispatcher = Services.GetRequiredService<PanelBot.Features.TeamsQueue.TeamsWorkDispatcher>();
        return Eventually.Until<List<string>>(async () =>
        {
            dispatcher.Wake();
            return await DbAsync(db => db.TeamsWork.AsNoTracking().Select(w => w.Kind + " (" + w.LastError + ")").ToListAsync());
        }, left => left.Count == 0, left => "the Teams queue to empty; still queued: " + string.Join(", ", left), timeout ?? TimeSpan.FromSeconds(10));
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("MicrosoftAppId", "");
        builder.UseSetting("MicrosoftAppPassword", "");
        builder.UseSetting("Storage:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:PanelBot", Database.ConnectionString);
        builder.UseSetting("Events:DefaultTimeZone", "Europe/Oslo");
        // Tests drive many commands from one person in seconds; the limits' own tests set them low again.
        builder.UseSetting("Limits:CommandsPerUser", "100000");
        builder.UseSetting("Limits:CommandsPerTenant", "100000");
        builder.UseSetting("Limits:NewEventsPerUser", "100000");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(logging =>
        {
            logging.ClearProviders();
            logging.SetMinimumLevel(LogLevel.Warning);
            logging.AddProvider(Logs);
        });
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            // A query whose answer depends on the order the database happens to return rows in is a bug: EF Core only
            // warns of it, the tests fail where it runs.
            services.ConfigureDbContext<PanelBotDbContext>(o => o.ConfigureWarnings(w =>
                w.Throw(CoreEventId.FirstWithoutOrderByAndFilterWarning, CoreEventId.RowLimitingOperationWithoutOrderByWarning)));
            TestServices?.Invoke(services);
        });
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Logs.AppendTo(Environment.GetEnvironmentVariable("PANELBOT_TEST_LOGS"));
        if (_ownsDatabase || DisposeDatabase) await Database.DisposeAsync();
    }
}
