using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace PanelBot.Mail.Tests;

/// <summary>
/// A real SMTP server for the tests: tests/smtp/smtp_sink.py on Debian's python3-aiosmtpd,
/// started on a free loopback port with its own folder for received messages.
/// </summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    public const string Python = "/usr/bin/python3";
    public const string User = "panel";
    public const string Password = "s3cret";

    private static readonly Lazy<string?> MissingReason = new(FindMissingReason);
    private readonly Process process;

    private SmtpSink(Process process, int port, string folder)
    {
        this.process = process;
        Port = port;
        Folder = folder;
    }

    public int Port { get; }

    public string Folder { get; }

    /// <summary>Null when the sink can run here; else why not.</summary>
    public static string? Unavailable => MissingReason.Value;

    public static async Task<SmtpSink> StartAsync(params string[] arguments)
    {
        if (Unavailable is { } reason)
        {
            throw new InvalidOperationException(reason);
        }

        var port = FreePort();
        var folder = Directory.CreateTempSubdirectory("smtp-sink-").FullName;
        var start = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { ScriptPath(), "--port", port.ToString(), "--dir", folder }.Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) => stderr.AppendLine(e.Data);
        process.BeginErrorReadLine();
        var sink = new SmtpSink(process, port, folder);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var ready = await process.StandardOutput.ReadLineAsync(timeout.Token);
        if (ready != "READY")
        {
            await sink.DisposeAsync();
            throw new InvalidOperationException($"smtp_sink.py did not start: {stderr}");
        }

        if (!arguments.Contains("--implicit-tls"))
        {
            await WaitForGreetingAsync(port, timeout.Token);
        }

        return sink;
    }

    /// <summary>Stops the server (as a crash or a restart would) but keeps the received files.</summary>
    public async Task StopAsync()
    {
        if (!process.HasExited)
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>Waits until <paramref name="count"/> messages have been stored, then returns them in arrival order.</summary>
    public async Task<IReadOnlyList<ReceivedMessage>> WaitForMessagesAsync(int count)
    {
        await Eventually.Until(() => Directory.GetFiles(Folder, "*.json").Length, n => n >= count, n => $"{count} messages, {n} stored",
            TimeSpan.FromSeconds(20));

        return Directory.GetFiles(Folder, "*.json").Order().Select(json =>
        {
            var meta = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
            return new ReceivedMessage(
                meta.GetProperty("mail_from").GetString()!,
                meta.GetProperty("rcpt_tos").EnumerateArray().Select(r => r.GetString()!).ToList(),
                meta.GetProperty("pipelined").GetBoolean(),
                meta.GetProperty("auth_user").GetString(),
                File.ReadAllBytes(Path.ChangeExtension(json, ".eml")));
        }).ToList();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process.Dispose();
        Directory.Delete(Folder, recursive: true);
    }

    public static (string Cert, string Key) CreateSelfSignedCertificate(string folder)
    {
        var cert = Path.Combine(folder, "cert.pem");
        var key = Path.Combine(folder, "key.pem");
        var start = new ProcessStartInfo("openssl") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost", "-days", "1", "-keyout", key, "-out", cert })
        {
            start.ArgumentList.Add(argument);
        }

        using var openssl = Process.Start(start)!;
        openssl.WaitForExit();
        Assert.Equal(0, openssl.ExitCode);
        return (cert, key);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForGreetingAsync(int port, CancellationToken cancellationToken)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
        using var reader = new StreamReader(client.GetStream());
        var greeting = await reader.ReadLineAsync(cancellationToken);
        Assert.StartsWith("220 ", greeting);
    }

    private static string ScriptPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "smtp", "smtp_sink.py");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("tests/smtp/smtp_sink.py not found above " + AppContext.BaseDirectory);
    }

    private static string? FindMissingReason()
    {
        if (!File.Exists(Python))
        {
            return $"{Python} not found";
        }

        using var probe = Process.Start(new ProcessStartInfo(Python, "-c \"import aiosmtpd\"") { RedirectStandardError = true })!;
        probe.WaitForExit();
        return probe.ExitCode == 0 ? null : "python3-aiosmtpd is not installed (apt-get install -y python3-aiosmtpd)";
    }
}

internal sealed record ReceivedMessage(string MailFrom, IReadOnlyList<string> RcptTos, bool Pipelined, string? AuthUser, byte[] Content);

/// <summary>
/// A test that needs the real SMTP sink. Skipped (with the reason) when python3-aiosmtpd is missing,
/// except under CI (the CI variable is set), where a missing server must fail the build.
/// </summary>
public sealed class SmtpSinkFactAttribute : FactAttribute
{
    public SmtpSinkFactAttribute()
    {
        if (SmtpSink.Unavailable is { } reason && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = reason;
        }
    }
}

public sealed class SmtpSinkTheoryAttribute : TheoryAttribute
{
    public SmtpSinkTheoryAttribute()
    {
        if (SmtpSink.Unavailable is { } reason && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            Skip = reason;
        }
    }
}
