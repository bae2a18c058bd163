using System.Diagnostics;
using System.Security.Cryptography;
using PanelBot.Features.Invitations;
using PanelBot.Tests.Support;
using static PanelBot.Tests.Invitations.MailApps;

namespace PanelBot.Tests.Invitations;

/// <summary>With <c>Mail:Dkim</c> set, what the pickup folder receives carries a signature dkimpy accepts.</summary>
public sealed class DkimMailTests
{
    private const string Python = "/usr/bin/python3";

    [Fact]
    public async Task Invitation_WithDkimConfigured_IsSigned_AndVerifiesIndependently()
    {
        if (Unavailable() is { } reason)
        {
            Assert.True(Environment.GetEnvironmentVariable("CI") is null, reason);
            return;
        }

        var folder = Directory.CreateTempSubdirectory("dkim-app-").FullName;
        using var rsa = RSA.Create(2048);
        var keyPath = Path.Combine(folder, "dkim.pem");
        await File.WriteAllTextAsync(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        await using var app = new BotApp
        {
            Settings =
            {
                ["Mail:From"] = From,
                ["Mail:PickupDirectory"] = Path.Combine(folder, "mail"),
                ["Mail:Dkim:Domain"] = "panelbot.example",
                ["Mail:Dkim:Selector"] = "pb2026",
                ["Mail:Dkim:PrivateKeyPath"] = keyPath,
            },
        };
        var bot = app.Bot();
        var number = await PublishedWebinarAsync(bot);
        await bot.SayAsync(User(1), $"rsvp #{number} going email {Email(1)}");

        var row = (await WaitForOutboxAsync(app, r => r.Count == 1 && r[0].State == OutboxState.Sent, "sent")).Single();
        var delivered = await DeliveredAsync(app, row);

        Assert.StartsWith("DKIM-Signature:", System.Text.Encoding.ASCII.GetString(delivered));
        Assert.False(row.IsComposed); // sent at the first try: the outbox keeps no copy
        var publicKey = Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo());
        Assert.Equal("PASS", Verify(folder, delivered, publicKey));
        var forged = System.Text.Encoding.ASCII.GetBytes(System.Text.Encoding.ASCII.GetString(delivered).Replace(Email(1), "mallory@example.org"));
        Assert.Equal("FAIL", Verify(folder, forged, publicKey));
        Directory.Delete(folder, recursive: true);
    }

    private static string? Unavailable() =>
        File.Exists(Python) && Run("-c", "import dkim").ExitCode == 0 ? null : "python3-dkim is not installed";

    private static string Verify(string folder, byte[] message, string publicKey)
    {
        var path = Path.Combine(folder, Guid.NewGuid().ToString("N") + ".eml");
        File.WriteAllBytes(path, message);
        return Run(Script(), path, publicKey).Output.Trim();
    }

    private static (int ExitCode, string Output) Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }

    private static string Script()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "tests", "dkim", "dkim_verify.py"))) return Path.Combine(dir.FullName, "tests", "dkim", "dkim_verify.py");
        throw new FileNotFoundException("tests/dkim/dkim_verify.py");
    }
}
