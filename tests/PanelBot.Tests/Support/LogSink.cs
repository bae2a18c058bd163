using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PanelBot.Tests.Support;

/// <summary>Keeps the app's warnings and errors so a test can assert on them or print them when it fails.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    // Taken when the app is made, in the test's own synchronous frames: at disposal only async continuations are left.
    private readonly string _test = TestContextName();

    public IReadOnlyList<string> Entries => _entries.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>
    /// Appends the warnings and errors to <c>app.log</c> in <paramref name="directory"/> (test.sh sets
    /// <c>PANELBOT_TEST_LOGS</c>) under a line naming the test and its "now", so that a failure in a full run (a 500 the
    /// test saw, a card update that went wrong) can be read afterwards with the app's own words; test.sh prints the
    /// sections of the failed tests' classes.
    /// </summary>
    public void AppendTo(string? directory)
    {
        var entries = _entries.ToList();
        if (string.IsNullOrEmpty(directory) || entries.Count == 0)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        var header = $"== {_test} at {Environment.GetEnvironmentVariable("PANELBOT_TEST_NOW") ?? "the default date"}";
        lock (FileLock)
        {
            File.AppendAllText(Path.Combine(directory, "app.log"), $"{header}\n{string.Join("\n", entries)}\n\n");
        }
    }

    private static readonly object FileLock = new();

    private static string TestContextName() => Environment.StackTrace.Split('\n')
        .Select(line => line.Trim())
        .FirstOrDefault(line => line.StartsWith("at PanelBot.Tests.", StringComparison.Ordinal) && !line.Contains(".Support.", StringComparison.Ordinal)
                                && !line.Contains("App..ctor", StringComparison.Ordinal) && !line.Contains("App.Start", StringComparison.Ordinal))
        ?? "a test";

    private sealed class Logger(LogSink sink, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel)) sink._entries.Enqueue($"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : "\n" + exception)}");
        }
    }
}
