using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace PanelBot.Tests.CalendarReplies;

/// <summary>
/// A private Dovecot IMAP server (Debian's dovecot-imapd) for one test: its own config, passwd-file user, maildir, run
/// and log folders under a temp directory, on a free loopback port, plain IMAP. Nothing under /etc or /var is used.
/// </summary>
public sealed class Dovecot : IAsyncDisposable
{
    public const string Binary = "/usr/sbin/dovecot";
    public const string User = "events";
    public const string Password = "s3cret-imap";

    private readonly string folder;
    private readonly Process master;

    private Dovecot(string folder, int port, Process master)
    {
        this.folder = folder;
        Port = port;
        this.master = master;
    }

    public int Port { get; }

    public static string? Unavailable => File.Exists(Binary) ? null : "dovecot-imapd is not installed (apt-get install dovecot-imapd)";

    public static async Task<Dovecot> StartAsync()
    {
        var folder = Directory.CreateTempSubdirectory("dovecot-").FullName;
        // Dovecot's auth and mail processes run as its own users when started by root: they must reach the files.
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var port = FreePort();
        var root = Environment.UserName == "root";
        // As root Dovecot drops privileges to its own users; otherwise everything runs as the current user.
        var mailUser = root ? "dovecot" : Environment.UserName;
        Directory.CreateDirectory(Path.Combine(folder, "mail"));
        await File.WriteAllTextAsync(Path.Combine(folder, "passwd"), $"{User}:{{PLAIN}}{Password}\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "dovecot.conf"), $$"""
            protocols = imap
            listen = 127.0.0.1
            base_dir = {{folder}}/run
            state_dir = {{folder}}/state
            log_path = {{folder}}/dovecot.log
            ssl = no
            disable_plaintext_auth = no
            auth_mechanisms = plain login
            first_valid_uid = 1
            mail_location = maildir:{{folder}}/mail/%n
            default_login_user = {{(root ? "dovenull" : mailUser)}}
            default_internal_user = {{mailUser}}
            service imap-login {
              inet_listener imap {
                address = 127.0.0.1
                port = {{port}}
              }
              inet_listener imaps {
                port = 0
              }
              chroot =
            }
            service anvil {
              chroot =
            }
            passdb {
              driver = passwd-file
              args = scheme=PLAIN username_format=%n {{folder}}/passwd
            }
            userdb {
              driver = static
              args = uid={{mailUser}} gid={{mailUser}} home={{folder}}/mail/%n
            }
            """);
        if (root) Run("chown", "-R", "dovecot:dovecot", Path.Combine(folder, "mail"));
        // -F: in the foreground, so this process is the master and ends with the test (a daemon would outlive it).
        var master = Process.Start(new ProcessStartInfo(Binary) { ArgumentList = { "-F", "-c", Path.Combine(folder, "dovecot.conf") } })!;
        var server = new Dovecot(folder, port, master);
        await Eventually.Until<bool>(async () =>
        {
            if (master.HasExited) throw new InvalidOperationException($"dovecot exited with {master.ExitCode}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                return false;
            }
        }, listening => listening, _ => $"dovecot to listen on {port}", TimeSpan.FromSeconds(20));
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        master.Kill(entireProcessTree: true);
        await master.WaitForExitAsync();
        master.Dispose();

        Directory.Delete(folder, recursive: true);
    }

    private static void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} failed: {error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>Skipped where Dovecot is missing, except under CI, where that is a failure.</summary>
public sealed class DovecotFactAttribute : FactAttribute
{
    public DovecotFactAttribute()
    {
        if (Dovecot.Unavailable is { } reason && Environment.GetEnvironmentVariable("CI") is null) Skip = reason;
    }
}
