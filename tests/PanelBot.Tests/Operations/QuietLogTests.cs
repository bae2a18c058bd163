using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Operations;

public sealed class QuietLogTests
{
    /// <summary>
    /// Under the shipped appsettings.json, RSVPs that call the connector (a Teams member look-up each) leave no
    /// Information lines from HttpClient's per-request loggers, while other Information lines still get through.
    /// </summary>
    [Fact]
    public async Task RsvpTraffic_WritesNoPerCallHttpClientInformation()
    {
        var logs = new RecordingLogs();
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var app = new BotApp(serviceUrl: connector.ServiceUrl)
        {
            TestServices = services =>
            {
                services.AddSingleton<ILoggerProvider>(logs);
                services.Configure<LoggerFilterOptions>(o => o.MinLevel = LogLevel.Information);
            },
        };
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga");
        for (var k = 0; k < 5; k++)
            Assert.Equal(200, (await bot.InvokeAsync($"user{k}", "rsvp", new JsonObject { ["event"] = number, ["answer"] = "going" })).HttpStatus);

        Assert.True(connector.Calls.Count(c => c.Method == "GET") >= 5, "the RSVPs should have called the connector");
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Information);
        Assert.DoesNotContain(logs.Entries, e => e.Category.StartsWith("System.Net.Http.HttpClient", StringComparison.Ordinal) && e.Level < LogLevel.Warning);
    }

    private sealed class RecordingLogs : ILoggerProvider
    {
        private readonly ConcurrentQueue<(LogLevel Level, string Category)> _entries = new();

        public IReadOnlyList<(LogLevel Level, string Category)> Entries => _entries.ToList();

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(RecordingLogs sink, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                sink._entries.Enqueue((logLevel, category));
        }
    }
}
