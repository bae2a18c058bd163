using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PanelBot.Storage;
using PanelBot.Tests.Support;
using Quartz;

namespace PanelBot.Tests.Scheduling;

/// <summary>
/// A <see cref="BotApp"/> whose Quartz scheduler polls every second (the test moves the fake clock, which nothing
/// signals), with no pause between proactive messages. Several may share a database and a clock: a restart, a cluster.
/// </summary>
public sealed class SchedulingApp : IAsyncDisposable
{
    private readonly BotApp _app;
    private readonly WebApplicationFactory<Program> _host;

    public SchedulingApp(string serviceUrl, TestDatabase? database = null, FakeTimeProvider? clock = null,
        IReadOnlyDictionary<string, string>? settings = null, Action<IServiceCollection>? services = null)
    {
        _app = new BotApp(database, clock, serviceUrl);
        _host = _app.WithWebHostBuilder(builder =>
        {
            if (services is not null)
            {
                builder.ConfigureTestServices(services);
            }

            builder.UseSetting("Scheduling:IdleWaitSeconds", "1");
            builder.UseSetting("Scheduling:ChatGapMilliseconds", "0");
            builder.UseSetting("Scheduling:ClusterCheckinSeconds", "1");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        });
    }

    public TestDatabase Database => _app.Database;
    public FakeTimeProvider Clock => _app.Clock;
    public LogSink Logs => _app.Logs;
    public IServiceProvider Services => _host.Services;

    /// <summary>Starts the host now: migrations run and the scheduler starts.</summary>
    public SchedulingApp Start()
    {
        _ = _host.Server;
        return this;
    }

    public BotClient Bot() => new(_host.CreateClient(), _app.ServiceUrl);

    public async Task<T> DbAsync<T>(Func<PanelBotDbContext, Task<T>> query)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PanelBotDbContext>());
    }

    public async Task<IScheduler> SchedulerAsync() => await _host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

    public Task<long> EventIdAsync(int number) => DbAsync(db => db.Events.Where(e => e.Number == number).Select(e => e.Id).SingleAsync());

    /// <summary>Rows of Quartz's own trigger table for an event, read with SQL (the store as it is on disk).</summary>
    public Task<List<(string Name, long NextFireTime)>> TriggerRowsAsync(long eventId) => DbAsync(async db =>
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT trigger_name, next_fire_time FROM qrtz_triggers WHERE trigger_group = @g ORDER BY trigger_name";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@g";
        parameter.Value = "event-" + eventId;
        command.Parameters.Add(parameter);
        var rows = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add((reader.GetString(0), reader.IsDBNull(1) ? 0 : reader.GetInt64(1)));
        return rows;
    });

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
