using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;
using PanelBot.BotFramework;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Scheduling;
using PanelBot.Hosting;
using PanelBot.Storage;

namespace PanelBot.Bench.Reminders;

/// <summary>
/// Seeds N events x M going attendees (each in a conversation of their own) straight into a fresh SQLite database,
/// plans every event's jobs through the app's scheduler (one reminder 2 minutes before each start; starts spread over
/// 5 minutes), lets the real Quartz store fire them, and reports how late after its due time each reminder was sent
/// (scheduled_deliveries.sent_at minus due) and the process memory. The connector is a stub in this process.
/// </summary>
public static class Bench
{
    public static async Task<int> Main(string[] args)
    {
        var events = args.Length > 0 ? int.Parse(args[0]) : 1000;
        var attendees = args.Length > 1 ? int.Parse(args[1]) : 100;
        var folder = Directory.CreateTempSubdirectory("panelbot-bench-").FullName;
        long received = 0;

        var stubBuilder = WebApplication.CreateSlimBuilder();
        stubBuilder.WebHost.UseUrls("http://127.0.0.1:0");
        stubBuilder.Logging.ClearProviders();
        await using var stub = stubBuilder.Build();
        stub.Run(async context =>
        {
            Interlocked.Increment(ref received);
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"id\":\"1\"}");
        });
        await stub.StartAsync();
        var serviceUrl = stub.Urls.Single().TrimEnd('/') + "/";

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = folder });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Urls"] = "http://127.0.0.1:0",
            ["ConnectionStrings:PanelBot"] = $"Data Source={Path.Combine(folder, "bench.db")}",
            ["Scheduling:DefaultReminders:0"] = "2m",
            ["Scheduling:IdleWaitSeconds"] = "1",
            ["Mail:PickupDirectory"] = Path.Combine(folder, "mail"),
            ["Logging:LogLevel:Default"] = "Warning",
        });
        builder.AddPanelBot();
        await using var app = builder.Build();
        app.MapPanelBot();
        await app.StartAsync();

        var clock = TimeProvider.System;
        var watch = Stopwatch.StartNew();
        var now = clock.GetCurrentInstant().InUtc().LocalDateTime;
        // Far enough ahead that seeding and planning are done before the first reminder is due (else it is planned in the past).
        var lead = 4 + (long)events * attendees / 25_000;
        var firstStart = now.Date.AtMidnight().PlusMinutes(now.Hour * 60 + now.Minute + lead);
        var ids = await SeedAsync(app.Services, events, attendees, firstStart, serviceUrl, clock);
        Console.WriteLine($"Seeded {events} events x {attendees} going attendees in {watch.Elapsed.TotalSeconds:F1} s");

        watch.Restart();
        foreach (var id in ids)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PanelBotDbContext>();
            var ev = await db.Events.AsNoTracking().SingleAsync(e => e.Id == id);
            await scope.ServiceProvider.GetRequiredService<EventJobScheduler>().ReplanAsync(ev, null, CancellationToken.None);
        }
        Console.WriteLine($"Planned the jobs of {events} events in {watch.Elapsed.TotalSeconds:F1} s; first reminders due {firstStart.PlusMinutes(-2)} UTC");

        var expected = (long)events * attendees;
        var deadline = DateTime.UtcNow.AddMinutes(30);
        long peakWorkingSet = 0;
        while (Interlocked.Read(ref received) < expected && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1000);
            peakWorkingSet = Math.Max(peakWorkingSet, Environment.WorkingSet);
        }
        await Task.Delay(2000);
        var lateness = await LatenessAsync(app.Services);
        var process = Process.GetCurrentProcess();
        Console.WriteLine($"Reminders sent: {lateness.Count} (connector received {Interlocked.Read(ref received)}, expected {expected})");
        if (lateness.Count > 0)
        {
            lateness.Sort();
            Console.WriteLine($"Late after due time: p50 {Percentile(lateness, 0.50):F2} s, p99 {Percentile(lateness, 0.99):F2} s, max {lateness[^1]:F2} s");
        }
        Console.WriteLine($"Memory: working set {process.WorkingSet64 / 1048576} MiB, peak {process.PeakWorkingSet64 / 1048576} MiB, " +
                          $"managed heap {GC.GetTotalMemory(false) / 1048576} MiB (includes the in-process connector stub)");
        await app.StopAsync();
        await stub.StopAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return lateness.Count == expected ? 0 : 1;
    }

    private static async Task<List<long>> SeedAsync(IServiceProvider services, int events, int attendees, LocalDateTime firstStart,
        string serviceUrl, TimeProvider clock)
    {
        var ids = new List<long>();
        for (var batch = 0; batch < events; batch += 100)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<PanelBotDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            var created = new List<Event>();
            for (var i = batch; i < Math.Min(events, batch + 100); i++)
            {
                var start = firstStart.PlusMinutes(i % 5);
                var ev = Event.Create(i + 1, new EventDetails
                {
                    Kind = EventKind.Webinar, Title = $"Bench event {i + 1}", Date = start.Date, StartTime = start.TimeOfDay,
                    EndTime = start.TimeOfDay.PlusHours(1), TimeZoneId = "Etc/UTC",
                }, "organiser", clock).Value!;
                ev.Publish(clock);
                created.Add(ev);
            }
            db.Events.AddRange(created);
            await db.SaveChangesAsync();
            foreach (var ev in created)
            {
                var registrations = new List<Registration>();
                for (var j = 0; j < attendees; j++)
                {
                    var conversation = $"conv-{ev.Number}-{j}";
                    var outcome = RsvpBook.Answer(ev, registrations, new RsvpRequest($"u-{ev.Number}-{j}", $"User {j}", RsvpAnswer.Going, null, conversation), clock);
                    registrations.Add(outcome.Value!.Registration!);
                    db.Conversations.Add(new StoredConversation
                    {
                        ChannelId = "msteams", ConversationId = conversation, ServiceUrl = serviceUrl, UpdatedAt = clock.GetUtcNow(),
                        ReferenceJson = JsonSerializer.Serialize(new ConversationReference
                        {
                            ChannelId = "msteams", ServiceUrl = serviceUrl,
                            Conversation = new ConversationAccount { Id = conversation, ConversationType = "personal" },
                            Bot = new ChannelAccount { Id = "28:panelbot", Name = "PanelBot" },
                            User = new ChannelAccount { Id = $"u-{ev.Number}-{j}", Name = $"User {j}" },
                        }, BotJson.Options),
                    });
                    // Reminders go to each person's 1:1 chat; here every attendee's own conversation is that chat.
                    db.PrivateChats.Add(new PrivateChat
                    {
                        UserId = $"u-{ev.Number}-{j}", ChannelId = "msteams", ServiceUrl = serviceUrl, BotId = "28:panelbot",
                        BotName = "PanelBot", UserName = $"User {j}", ConversationId = conversation, State = PrivateChatStates.Open,
                        UpdatedAt = clock.GetUtcNow(),
                    });
                }
                db.Registrations.AddRange(registrations);
                ids.Add(ev.Id);
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
        }
        return ids;
    }

    private static async Task<List<double>> LatenessAsync(IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanelBotDbContext>();
        var starts = await db.Events.AsNoTracking().ToDictionaryAsync(e => e.Id, e => e.StartsAt);
        var sent = await db.ScheduledDeliveries.AsNoTracking().Where(d => d.Kind == ScheduledKinds.Reminder && d.Channel == "chat")
            .Select(d => new { d.EventId, d.SentAt }).ToListAsync();
        return sent.Select(d => (d.SentAt - (starts[d.EventId] - Duration.FromMinutes(2))).TotalSeconds).ToList();
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
