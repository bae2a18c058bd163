using System.Text.Json;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Operations;

/// <summary>What the Dockerfile and compose.yaml rely on, checked on a real process since no container runtime runs here.</summary>
[Collection(SeparateProcesses.Name)]
public sealed class ContainerSettingsTests
{
    [Fact]
    public async Task HealthcheckVerb_AnswersZeroWhileReadyAndOneWhenGone_AndLogsAreJsonBySetting()
    {
        await using var database = TestDatabase.Sqlite();
        var mail = Directory.CreateTempSubdirectory("panelbot-mail-").FullName;
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__PanelBot"] = database.ConnectionString,
            ["Mail__PickupDirectory"] = mail,
            ["Logging__Console__FormatterName"] = "json",
        });

        // Quartz starts once the host has started, so the first probes may rightly say "not ready yet".
        var ready = await Eventually.Until(() => AppProcess.RunAsync("healthcheck", app.Url + "/health"), r => r.ExitCode == 0,
            r => "the healthcheck to pass: " + r.Output);
        await app.StopAsync();
        var gone = await AppProcess.RunAsync("healthcheck", app.Url + "/health");

        Assert.True(ready.ExitCode == 0, ready.Output);
        Assert.StartsWith("200 ", ready.Output);
        Assert.Equal(1, gone.ExitCode);
        var lines = app.Output.Where(l => l.Length > 0).ToList();
        Assert.Contains(lines, l => l.Contains("PanelBot.Storage.DatabaseMigrator", StringComparison.Ordinal));
        foreach (var line in lines)
        {
            using var entry = JsonDocument.Parse(line);
            Assert.True(entry.RootElement.TryGetProperty("Category", out _), line);
            Assert.True(entry.RootElement.TryGetProperty("LogLevel", out _), line);
        }
        Directory.Delete(mail, recursive: true);
    }
}
