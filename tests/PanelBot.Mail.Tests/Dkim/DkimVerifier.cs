using System.Diagnostics;
using System.Security.Cryptography;

namespace PanelBot.Mail.Tests;

/// <summary>
/// A fresh RSA key (PEM file for <see cref="MessageSigner"/>) and Debian's python3-dkim as the independent verifier
/// (tests/dkim/dkim_verify.py), with the public key supplied instead of DNS.
/// </summary>
internal sealed class DkimVerifier : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("dkim-").FullName;
    private readonly string publicKey;

    public DkimVerifier()
    {
        using var rsa = RSA.Create(2048);
        KeyPath = Path.Combine(folder, "dkim.pem");
        File.WriteAllText(KeyPath, rsa.ExportRSAPrivateKeyPem());
        publicKey = Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
    }

    public string KeyPath { get; }

    public static string? Unavailable =>
        !File.Exists(SmtpSink.Python) ? $"{SmtpSink.Python} not found"
        : Run(SmtpSink.Python, "-c", "import dkim").ExitCode != 0 ? "python3-dkim is not installed (apt-get install python3-dkim)"
        : null;

    /// <summary>True when dkimpy verifies the message's DKIM-Signature.</summary>
    public bool Verifies(ReadOnlySpan<byte> message)
    {
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".eml");
        File.WriteAllBytes(path, message.ToArray());
        var (exitCode, output) = Run(SmtpSink.Python, Script(), path, publicKey);
        Assert.True(output.Trim() is "PASS" or "FAIL", "dkim_verify.py: " + output);
        return exitCode == 0;
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static (int ExitCode, string Output) Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    private static string Script()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "tests", "dkim", "dkim_verify.py");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("tests/dkim/dkim_verify.py not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>Skipped where python3-dkim is missing, except under CI, where that is a failure.</summary>
public sealed class DkimFactAttribute : FactAttribute
{
    public DkimFactAttribute()
    {
        if (DkimVerifier.Unavailable is { } reason && Environment.GetEnvironmentVariable("CI") is null)
        {
            Skip = reason;
        }
    }
}
