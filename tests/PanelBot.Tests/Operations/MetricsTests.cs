using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PanelBot.Features.Operations;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Operations;

/// <summary>Our meter's instruments, read with a <see cref="MeterListener"/> bound to one app's meter factory.</summary>
public sealed class MetricsTests
{
    [Fact]
    public async Task AnRsvpWithAnAddress_CountsTheAnswerAndTheInvitationQueuedAndSent()
    {
        var pickup = Directory.CreateTempSubdirectory("panelbot-pickup-").FullName;
        await using var app = new BotApp
        {
            Settings = { ["Mail:PickupDirectory"] = pickup, ["Mail:DispatchIntervalSeconds"] = "0.1" },
        };
        using var measurements = new Measurements(app.Services);
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga");

        await bot.SayAsync("zelda", $"rsvp #{number} going email zelda@example.org");
        await bot.SayAsync("yann", $"rsvp #{number} maybe");

        var going = Assert.Single(measurements.Of("panelbot.rsvp.answers"), m => m.Tags["answer"] == "going");
        Assert.Equal(("going", 1.0), (going.Tags["state"], going.Value));
        Assert.Single(measurements.Of("panelbot.rsvp.answers"), m => m.Tags["answer"] == "maybe" && m.Tags["state"] == "maybe");
        Assert.Single(measurements.Of("panelbot.mail.queued"), m => m.Tags["kind"] == "invitation");
        await measurements.WaitForAsync("panelbot.mail.sent", m => m.Tags["kind"] == "invitation");
        Directory.Delete(pickup, recursive: true);
    }

    [Fact]
    public async Task OutboxAgeGauge_ReportsHowLongTheOldestDueMailHasWaited()
    {
        await using var app = new BotApp();
        _ = app.Server;
        using var measurements = new Measurements(app.Services);
        await HealthTests.AddWaitingMailAsync(app);
        app.Clock.Advance(TimeSpan.FromMinutes(11));

        measurements.Observe();

        Assert.Equal(660, Assert.Single(measurements.Of("panelbot.outbox.oldest_due_age")).Value, precision: 0);
    }

    [Fact]
    public async Task ConnectorThrottling_CountsEach429()
    {
        await using var connector = await ThrottlingConnector.StartAsync();
        await using var app = new BotApp(serviceUrl: connector.ServiceUrl) { Settings = { ["BotFramework:ConnectorMaxAttempts"] = "2" } };
        using var measurements = new Measurements(app.Services);
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga");

        // A Teams RSVP asks the connector for the member's address; every answer is 429.
        var rsvp = await bot.InvokeAsync("zelda", "rsvp", new JsonObject { ["event"] = number, ["answer"] = "going" });

        Assert.Equal(200, rsvp.HttpStatus);
        Assert.True(connector.Requests >= 2);
        // The queued look-up may still be trying in the background: its 429 is counted once its answer is read.
        await Eventually.Until(() => (Requests: connector.Requests, Counted: measurements.Of("panelbot.connector.throttled").Sum(m => m.Value)),
            seen => seen.Counted == seen.Requests, seen => $"each 429 counted once (last seen: {seen})");
    }

    [Fact]
    public async Task AReminderThatRunsLate_RecordsItsLatenessAndDeliveries()
    {
        var start = Webinar.Start; // the webinar Organiser creates, in UTC
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var app = new Scheduling.SchedulingApp(connector.ServiceUrl).Start();
        using var measurements = new Measurements(app.Services);
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga", joinUrl: null);
        await bot.SayAsync("olga", $"remind #{number} 30m");
        await bot.SayAsync("alice", "email alice@example.org");
        await bot.SayAsync("alice", $"rsvp #{number} going");
        await bot.SayAsync("bob", $"rsvp #{number} going");

        app.Clock.SetUtcNow(start.AddMinutes(-30).AddSeconds(30)); // late, but within the misfire threshold (60 s)
        await Scheduling.Proactive.WaitAsync(connector, "Reminder for", 2, app.Services);
        await measurements.WaitForAsync("panelbot.reminders.fired", _ => true);

        Assert.Equal(30, Assert.Single(measurements.Of("panelbot.reminders.lateness")).Value, precision: 0);
        Assert.Equal(2, measurements.Of("panelbot.reminders.deliveries").Where(m => m.Tags["channel"] == "chat").Sum(m => m.Value));
        Assert.Equal(1, measurements.Of("panelbot.reminders.deliveries").Where(m => m.Tags["channel"] == "mail").Sum(m => m.Value));
        Assert.Single(measurements.Of("panelbot.reminders.fired"));
    }

    private sealed record Measurement(string Instrument, double Value, IReadOnlyDictionary<string, string?> Tags);

    private sealed class Measurements : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly ConcurrentQueue<Measurement> _all = new();

        public Measurements(IServiceProvider services)
        {
            var factory = services.GetRequiredService<IMeterFactory>();
            _ = services.GetRequiredService<PanelBotMetrics>();
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Scope == factory && instrument.Meter.Name == PanelBotMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
            };
            _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Add(i, v, tags));
            _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Add(i, v, tags));
            _listener.Start();
        }

        public IReadOnlyList<Measurement> Of(string instrument) => _all.Where(m => m.Instrument == instrument).ToList();

        public void Observe() => _listener.RecordObservableInstruments();

        public Task WaitForAsync(string instrument, Func<Measurement, bool> match) =>
            Eventually.Until(() => Of(instrument).Any(match), $"a {instrument} measurement");

        private void Add(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, string?>();
            foreach (var tag in tags) copy[tag.Key] = tag.Value?.ToString();
            _all.Enqueue(new Measurement(instrument.Name, value, copy));
        }

        public void Dispose() => _listener.Dispose();
    }

    /// <summary>A Bot Connector that answers every call 429 with Retry-After: 0.</summary>
    private sealed class ThrottlingConnector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private int _requests;

        private ThrottlingConnector(WebApplication app) => _app = app;

        public string ServiceUrl { get; private set; } = "";
        public int Requests => _requests;

        public static async Task<ThrottlingConnector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var connector = new ThrottlingConnector(app);
            app.Run(context =>
            {
                Interlocked.Increment(ref connector._requests);
                context.Response.StatusCode = (int)HttpStatusCode.TooManyRequests;
                context.Response.Headers.RetryAfter = "0";
                return Task.CompletedTask;
            });
            await app.StartAsync();
            connector.ServiceUrl = app.Urls.Single().TrimEnd('/') + "/";
            return connector;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
