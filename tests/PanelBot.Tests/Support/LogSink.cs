using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PanelBot.Tests.Support;

/// <summary>Keeps the app's warnings and errors so a test can assert on them or print them when it fails.</summary>
public sealed class LogSink : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => _entries.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    /// <summary>
    /// Appends the errors to <c>errors.log</c> in <paramref name="directory"/> (test.sh sets <c>PANELBOT_TEST_LOGS</c>), so
    /// that a failure in a full run, such as a 500 from the bot, can be read afterwards with the app's own exception.
    /// </summary>
    public void AppendErrorsTo(string? directory)
    {
        var errors = _entries.Where(e => e.StartsWith("Error", StringComparison.Ordinal) || e.StartsWith("Critical", StringComparison.Ordinal)).ToList();
        if (string.IsNullOrEmpty(directory) || errors.Count == 0)
        {
            return;
        }

        Directory.CreateDirectory(directory);
        var test = TestContextName();
        lock (FileLock)
        {
            File.AppendAllText(Path.Combine(directory, "errors.log"), $"== {test}\n{string.Join("\n", errors)}\n\n");
        }
    }

    private static readonly object FileLock = new();

    private static string TestContextName() => Environment.StackTrace.Split('\n')
        .Select(line => line.Trim())
        .FirstOrDefault(line => line.StartsWith("at PanelBot.Tests.", StringComparison.Ordinal) && !line.Contains(".Support.", StringComparison.Ordinal))
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
