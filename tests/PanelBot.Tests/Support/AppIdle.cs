using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NodaTime;
using PanelBot.Features.Invitations;
using PanelBot.Features.Scheduling;
using PanelBot.Features.TeamsQueue;
using PanelBot.Storage;

namespace PanelBot.Tests.Support;

/// <summary>
/// The app says it has nothing left to do at the current (fake) time: Quartz has no trigger due and none firing
/// (<c>qrtz_fired_triggers</c> holds a trigger from the moment it fires until its job completes), the Teams queue has no
/// row due or claimed, and the outbox has no row due or being sent. "Exactly once" and "nothing more arrives" are
/// asserted after this, never after a sleep. Read upstream first (scheduler, Teams queue, outbox), twice in a row.
/// </summary>
public static class AppIdle
{
    /// <summary>Waits until every given app (instances sharing one database count as one) is idle twice in a row.</summary>
    public static async Task WaitAsync(TimeSpan? timeout, params IServiceProvider[] apps)
    {
        if (apps.Length == 0) throw new ArgumentException("Name the app(s) whose idleness is awaited.", nameof(apps));
        var idleReads = 0;
        await Eventually.Until<List<string>>(async () =>
        {
            var busy = new List<string>();
            foreach (var app in apps) busy.AddRange(await BusyAsync(app));
            idleReads = busy.Count == 0 ? idleReads + 1 : 0;
            return busy;
        }, _ => idleReads >= 2, busy => "the app to be idle; still busy: " + string.Join(", ", busy), timeout);
    }

    public static Task WaitAsync(params IServiceProvider[] apps) => WaitAsync(null, apps);

    /// <summary>What the app still has to do now (empty when idle); wakes the dispatchers so that they look at once.</summary>
    public static async Task<List<string>> BusyAsync(IServiceProvider app)
    {
        app.GetRequiredService<OutboxDispatcher>().Wake();
        app.GetRequiredService<TeamsWorkDispatcher>().Wake();
        var now = app.GetRequiredService<TimeProvider>().GetUtcNow();
        var instant = Instant.FromDateTimeOffset(now);
        await using var scope = app.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanelBotDbContext>();
        var busy = new List<string>();
        if (app.GetRequiredService<IOptions<SchedulingOptions>>().Value.Enabled)
        {
            busy.AddRange(await QuartzBusyAsync(db, now.UtcTicks));
        }

        busy.AddRange(await db.TeamsWork.AsNoTracking()
            .Where(w => w.ClaimedAt != null || w.NextAttemptAt <= instant)
            .Select(w => "Teams work " + w.Kind).ToListAsync());
        busy.AddRange(await db.OutboxMessages.AsNoTracking()
            .Where(m => m.State == OutboxState.Sending
                        || (m.State == OutboxState.Pending && m.NotBefore <= instant && m.NextAttemptAt <= instant))
            .Select(m => "outbox " + m.Kind + " to " + m.Recipient).ToListAsync());
        return busy;
    }

    private static async Task<List<string>> QuartzBusyAsync(PanelBotDbContext db, long nowTicks)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        try
        {
            var busy = new List<string>();
            await using var command = connection.CreateCommand();
            command.CommandText =
                $"SELECT 'firing ' || trigger_name FROM {SchedulingRegistration.TablePrefix}fired_triggers " +
                $"UNION ALL SELECT 'due ' || trigger_name FROM {SchedulingRegistration.TablePrefix}triggers " +
                "WHERE next_fire_time <= @now AND trigger_state IN ('WAITING', 'ACQUIRED', 'BLOCKED')";
            AddParameter(command, "@now", nowTicks);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) busy.Add("trigger " + reader.GetString(0));
            return busy;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static void AddParameter(DbCommand command, string name, long value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
