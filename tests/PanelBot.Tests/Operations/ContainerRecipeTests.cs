using System.Text.Json;
using System.Text.RegularExpressions;

namespace PanelBot.Tests.Operations;

/// <summary>
/// The Dockerfile and compose.yaml cannot be run here (no container runtime), so this checks what they rely on: every
/// setting they pass is one the app reads (documented in appsettings.sample.json), an OpenTelemetry variable or the
/// runtime's garbage-collector setting, and the health check is the app's own verb on the port the image listens on.
/// </summary>
public sealed partial class ContainerRecipeTests
{
    private static readonly string Root = FindRoot();

    [Fact]
    public void Compose_PassesOnlySettingsTheAppReads()
    {
        var compose = File.ReadAllLines(Path.Combine(Root, "compose.yaml"));
        var start = Array.FindIndex(compose, l => l.StartsWith("x-panelbot:", StringComparison.Ordinal));
        var environment = Array.FindIndex(compose, start, l => l.Trim() == "environment:");
        var keys = compose.Skip(environment + 1).TakeWhile(l => l.StartsWith("    ", StringComparison.Ordinal))
            .Where(l => !l.TrimStart().StartsWith('#'))
            .Select(l => l.Trim().Split(':')[0]).ToList();

        Assert.Contains("Storage__Provider", keys);
        Assert.Contains("ConnectionStrings__PanelBot", keys);
        Assert.Contains("OTEL_EXPORTER_OTLP_ENDPOINT", keys);
        foreach (var key in keys) AssertKnown(key);
    }

    [Fact]
    public void Dockerfile_SetsKnownSettingsListensWhereItsHealthcheckAsksAndRunsAsNonRoot()
    {
        var dockerfile = File.ReadAllText(Path.Combine(Root, "Dockerfile"));
        var env = EnvPairs().Matches(dockerfile).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim('"'));

        Assert.Equal(["Urls", "ConnectionStrings__PanelBot", "Mail__PickupDirectory", "DOTNET_GCgen0size"], env.Keys);
        foreach (var key in env.Keys.Where(k => !k.StartsWith("DOTNET_", StringComparison.Ordinal))) AssertKnown(key);
        // The runtime's own setting, read only from the environment: the smallest gen0 budget, in bytes (hex).
        Assert.Equal(64L << 20, Convert.ToInt64(env["DOTNET_GCgen0size"], 16));
        Assert.Equal("Data Source=/data/panelbot.db", env["ConnectionStrings__PanelBot"]);
        Assert.Equal("http://+:8080", env["Urls"]);
        Assert.Equal(8080, new Uri(PanelBot.Hosting.HealthProbe.DefaultUrl).Port);
        Assert.Contains($"CMD [\"dotnet\", \"/app/PanelBot.dll\", \"{PanelBot.Hosting.HealthProbe.Verb}\"]", dockerfile);
        Assert.Matches(@"(?m)^USER \$APP_UID$", dockerfile);
        Assert.Equal(3, Regex.Matches(dockerfile, "(?m)^FROM ").Count);
    }

    /// <summary>A key the app reads: in the sample settings (__ for :), or a standard OpenTelemetry variable.</summary>
    private static void AssertKnown(string key)
    {
        if (key.StartsWith("OTEL_", StringComparison.Ordinal)) return;
        using var sample = JsonDocument.Parse(File.ReadAllText(Path.Combine(Root, "appsettings.sample.json")),
            new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var node = sample.RootElement;
        foreach (var part in key.Split("__"))
            Assert.True(node.ValueKind == JsonValueKind.Object && node.TryGetProperty(part, out node),
                $"{key} is not a setting documented in appsettings.sample.json");
    }

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "PanelBot.sln"))) folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("PanelBot.sln not found above the test output.");
    }

    /// <summary>KEY=VALUE pairs of ENV instructions, continuation lines included.</summary>
    [GeneratedRegex(@"(?m)(?:^ENV\s+|\\\r?\n\s+)([A-Za-z_][A-Za-z0-9_]*)=(""[^""]*""|\S+)")]
    private static partial Regex EnvPairs();
}
