using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace PanelBot.Tests.Manifest;

// Runs the real packaging script (manifests/teams/build.mjs) with node, the way an operator or CI does.
// Needs `npm ci` in manifests/teams beforehand.
public sealed class TeamsManifestTests : IDisposable
{
    private static readonly TimeSpan NodeTimeout = TimeSpan.FromMinutes(2);
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private readonly string _repoRoot = FindRepoRoot();
    private readonly string _tempDir = Directory.CreateTempSubdirectory("panelbot-teams-").FullName;

    private string TeamsDir => Path.Combine(_repoRoot, "manifests", "teams");

    public void Dispose() => Directory.Delete(_tempDir, recursive: true);

    [Fact]
    public async Task Build_WithBotAppId_WritesZipWithManifestAndIconsAtRoot()
    {
        var botAppId = Guid.NewGuid().ToString();
        var zipPath = Path.Combine(_tempDir, "panelbot.zip");

        var run = await RunBuildScriptAsync("--bot-app-id", botAppId, "--domain", "panelbot.test", "--out", zipPath);

        Assert.True(run.ExitCode == 0, $"build.mjs exited {run.ExitCode}\n{run}");
        Assert.Contains("valid", run.Stdout);
        using var zip = ZipFile.OpenRead(zipPath);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], zip.Entries.Select(e => e.FullName).Order());

        var manifest = JsonNode.Parse(ReadEntry(zip, "manifest.json"))!;
        Assert.Equal(botAppId, (string?)manifest["bots"]![0]!["botId"]);
        Assert.Equal(["panelbot.test"], manifest["validDomains"]!.AsArray().Select(d => (string?)d));
        var schemaVersion = Regex.Match((string)manifest["$schema"]!, @"/teams/v(\d+\.\d+)/MicrosoftTeams\.schema\.json$");
        Assert.True(schemaVersion.Success, $"unexpected $schema {manifest["$schema"]}");
        Assert.Equal(schemaVersion.Groups[1].Value, (string?)manifest["manifestVersion"]);

        var color = ReadPngHeader(ReadEntry(zip, "color.png"));
        Assert.Equal((192, 192), (color.Width, color.Height));
        var outline = ReadPngHeader(ReadEntry(zip, "outline.png"));
        Assert.Equal((32, 32), (outline.Width, outline.Height));
        Assert.True(outline.ColorType is 4 or 6, $"outline.png colour type {outline.ColorType} has no alpha channel");
    }

    [Fact]
    public async Task Build_EveryCommandList_OffersNewWhichOpensTheForm()
    {
        var zipPath = Path.Combine(_tempDir, "panelbot.zip");
        var run = await RunBuildScriptAsync("--bot-app-id", Guid.NewGuid().ToString(), "--out", zipPath);
        Assert.True(run.ExitCode == 0, $"build.mjs exited {run.ExitCode}\n{run}");
        using var zip = ZipFile.OpenRead(zipPath);
        var manifest = JsonNode.Parse(ReadEntry(zip, "manifest.json"))!;

        var lists = manifest["bots"]![0]!["commandLists"]!.AsArray();
        Assert.Equal(2, lists.Count);
        foreach (var list in lists)
        {
            var newCommand = Assert.Single(list!["commands"]!.AsArray(), c => (string?)c!["title"] == "new");
            Assert.Contains("opens a form", (string?)newCommand!["description"]);
        }
    }

    [Fact]
    public async Task Validate_ManifestWithoutName_ExitsNonZeroNamingMissingProperty()
    {
        var zipPath = Path.Combine(_tempDir, "panelbot.zip");
        var build = await RunBuildScriptAsync("--bot-app-id", Guid.NewGuid().ToString(), "--out", zipPath);
        Assert.True(build.ExitCode == 0, $"build.mjs exited {build.ExitCode}\n{build}");
        var brokenDir = Path.Combine(_tempDir, "broken");
        ZipFile.ExtractToDirectory(zipPath, brokenDir);
        var manifestPath = Path.Combine(brokenDir, "manifest.json");
        var manifest = JsonNode.Parse(File.ReadAllBytes(manifestPath))!.AsObject();
        Assert.True(manifest.Remove("name"));
        File.WriteAllText(manifestPath, manifest.ToJsonString());

        var run = await RunBuildScriptAsync("--manifest", manifestPath, "--validate-only");

        Assert.True(run.ExitCode == 1, $"expected exit code 1 (invalid manifest), got {run.ExitCode}\n{run}");
        Assert.Contains("required property 'name'", run.Stderr);
    }

    [Fact]
    public async Task Build_WithBotAppIdThatIsNotAGuid_ExitsWithUsageError()
    {
        var run = await RunBuildScriptAsync("--bot-app-id", "not-a-guid", "--out", Path.Combine(_tempDir, "x.zip"));

        Assert.True(run.ExitCode == 2, $"expected exit code 2 (usage error), got {run.ExitCode}\n{run}");
        Assert.Contains("not a GUID", run.Stderr);
        Assert.False(File.Exists(Path.Combine(_tempDir, "x.zip")));
    }

    private async Task<NodeRun> RunBuildScriptAsync(params string[] arguments)
    {
        var appManifestPackage = Path.Combine(TeamsDir, "node_modules", "@microsoft", "app-manifest");
        Assert.True(Directory.Exists(appManifestPackage), $"{appManifestPackage} is missing: run `npm ci` in {TeamsDir} first");

        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = _repoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine("manifests", "teams", "build.mjs"));
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // The script falls back to these when options are absent; the tests must not depend on the caller's shell.
        start.Environment.Remove("MicrosoftAppId");
        start.Environment.Remove("TEAMS_APP_ID");
        start.Environment.Remove("BOT_DOMAIN");

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(NodeTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"node {string.Join(' ', start.ArgumentList)} did not finish within {NodeTimeout}");
        }
        return new NodeRun(process.ExitCode, await stdout, await stderr);
    }

    private static byte[] ReadEntry(ZipArchive zip, string name)
    {
        var entry = zip.GetEntry(name) ?? throw new InvalidOperationException($"{name} is not in the package");
        using var stream = entry.Open();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }

    private static PngHeader ReadPngHeader(byte[] png)
    {
        Assert.True(png.Length > 33 && png.AsSpan(0, 8).SequenceEqual(PngSignature), "not a PNG signature");
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        return new PngHeader(
            (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(16, 4)),
            (int)BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(20, 4)),
            png[25]);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "PanelBot.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException($"no PanelBot.sln above {AppContext.BaseDirectory}");
    }

    private sealed record PngHeader(int Width, int Height, byte ColorType);

    private sealed record NodeRun(int ExitCode, string Stdout, string Stderr)
    {
        public override string ToString() => $"--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
    }
}
