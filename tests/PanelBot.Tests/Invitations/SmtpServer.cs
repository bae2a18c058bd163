using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace PanelBot.Tests.Invitations;

/// <summary>
/// tests/smtp/smtp_sink.py (Debian python3-aiosmtpd) on a fixed loopback port. It can be stopped and started again on
/// the same port, like a mail server that goes down; each run stores into its own sub-folder (the sink numbers files
/// from 1), and <see cref="Messages"/> reads all runs.
/// </summary>
public sealed class SmtpServer : IAsyncDisposable
{
    public const string Python = "/usr/bin/python3";
    private static readonly Lazy<string?> MissingReason = new(FindMissingReason);
    private readonly string _root = Directory.CreateTempSubdirectory("panelbot-smtp-").FullName;
    private Process? _process;
    private int _runs;

    public int Port { get; } = FreePort();

    public static string? Unavailable => MissingReason.Value;

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<SmtpServer> StartAsync()
    {
        var server = new SmtpServer();
        await server.StartAgainAsync();
        return server;
    }

    /// <summary>A port nobody listens on until <see cref="StartAgainAsync"/>.</summary>
    public static SmtpServer Stopped() => new();

    public async Task StartAgainAsync()
    {
        if (Unavailable is { } reason) throw new InvalidOperationException(reason);
        var folder = Path.Combine(_root, $"run{++_runs}");
        Directory.CreateDirectory(folder);
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in new[] { ScriptPath(), "--port", Port.ToString(), "--dir", folder, "--pipelining" })
            start.ArgumentList.Add(argument);
        _process = Process.Start(start)!;
        var stderr = new StringBuilder();
        _process.ErrorDataReceived += (_, e) => stderr.AppendLine(e.Data);
        _process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        if (await _process.StandardOutput.ReadLineAsync(timeout.Token) != "READY")
            throw new InvalidOperationException($"smtp_sink.py did not start: {stderr}");
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Every message received so far, in every run.</summary>
    public IReadOnlyList<ReceivedMail> Messages() =>
        Directory.GetFiles(_root, "*.json", SearchOption.AllDirectories).Order().Select(json =>
        {
            var meta = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
            return new ReceivedMail(
                meta.GetProperty("mail_from").GetString()!,
                meta.GetProperty("rcpt_tos").EnumerateArray().Select(r => r.GetString()!).ToList(),
                File.ReadAllBytes(Path.ChangeExtension(json, ".eml")));
        }).ToList();

    /// <summary>Waits until at least <paramref name="count"/> messages have arrived (fails after 30 s).</summary>
    public Task<IReadOnlyList<ReceivedMail>> WaitForAsync(int count, Action? poke = null) =>
        Eventually.Until(() =>
        {
            poke?.Invoke();
            return Messages();
        }, mails => mails.Count >= count, mails => $"{count} messages, {mails.Count} arrived");

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
        try { Directory.Delete(_root, recursive: true); }
        catch (IOException) { }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string ScriptPath() => Path.Combine(RepositoryRoot.Path, "tests", "smtp", "smtp_sink.py");

    private static string? FindMissingReason()
    {
        if (!File.Exists(Python)) return $"{Python} not found";
        using var probe = Process.Start(new ProcessStartInfo(Python, "-c \"import aiosmtpd\"") { RedirectStandardError = true })!;
        probe.WaitForExit();
        return probe.ExitCode == 0 ? null : "python3-aiosmtpd is not installed (apt-get install -y python3-aiosmtpd)";
    }
}

public sealed record ReceivedMail(string MailFrom, IReadOnlyList<string> RcptTos, byte[] Content)
{
    public MimePart Parsed => MimePart.Parse(Content);
}

/// <summary>Needs the real SMTP sink: skipped without python3-aiosmtpd, except under CI (CI set), where it fails.</summary>
public sealed class SmtpFactAttribute : FactAttribute
{
    public SmtpFactAttribute()
    {
        if (SmtpServer.Unavailable is { } reason && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))) Skip = reason;
    }
}

internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "PanelBot.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("PanelBot.sln not found above " + AppContext.BaseDirectory);
    }
}
