using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;

namespace PanelBot.Tests.Invitations;

/// <summary>tests/interop: Debian python3-icalendar (system zones) and npm ical.js (the file's VTIMEZONE).</summary>
public static class IcsParsers
{
    private static readonly Lazy<string?> Missing = new(FindMissing);

    public static string? MissingReason => Missing.Value;

    private static string Folder => Path.Combine(RepositoryRoot.Path, "tests", "interop");

    /// <summary>Both parsers' reading of the file (one JSON object per parser); fails on any error either reports.</summary>
    public static IReadOnlyList<JsonObject> ParseWithBoth(string ics)
    {
        if (MissingReason is { } reason) Assert.Fail(reason);
        var path = Path.Combine(Path.GetTempPath(), $"panelbot-{Guid.NewGuid():N}.ics");
        File.WriteAllBytes(path, new UTF8Encoding(false).GetBytes(ics));
        try
        {
            return [Parse("/usr/bin/python3", "parse_ics.py", path, ics), Parse("node", "parse_ics.mjs", path, ics)];
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static JsonObject Parse(string program, string script, string path, string ics)
    {
        var (exit, stdout, stderr) = Run(program, Path.Combine(Folder, script), path);
        Assert.True(exit == 0, $"{script} failed (exit {exit}): {stderr}\n{ics}");
        var result = Assert.Single(JsonNode.Parse(stdout)!.AsArray())!.AsObject();
        var errors = result["errors"]?.AsArray();
        Assert.True(errors is null || errors.Count == 0, $"{script} reported {errors}\n{ics}");
        return result;
    }

    private static (int, string, string) Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = Folder,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2))) process.Kill(true);
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string? FindMissing()
    {
        try
        {
            if (Run("/usr/bin/python3", "-c", "import icalendar").Item1 != 0) return "python3-icalendar missing (tests/interop/setup.sh)";
            if (Run("node", "--version").Item1 != 0) return "node missing";
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return e.Message;
        }
        return File.Exists(Path.Combine(Folder, "node_modules", "ical.js", "package.json")) ? null : "ical.js missing (tests/interop/setup.sh)";
    }
}

public sealed class IcsParsersFactAttribute : FactAttribute
{
    public IcsParsersFactAttribute()
    {
        if (IcsParsers.MissingReason is { } reason && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"))) Skip = reason;
    }
}
