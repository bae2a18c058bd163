using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using PanelBot.Calendar.Tests.TestSupport;

namespace PanelBot.Calendar.Tests.Interop;

/// <summary>
/// Runs the real third-party parsers in tests/interop: Debian python3-icalendar (system python, system tz database) and
/// npm ical.js (the file's own VTIMEZONE). Install them with tests/interop/setup.sh.
/// </summary>
internal static class InteropTools
{
    public const string SystemPython = "/usr/bin/python3";
    private static readonly TimeSpan HangGuard = TimeSpan.FromMinutes(2);
    private static readonly Lazy<string?> Missing = new(FindMissing);

    public static string Directory => System.IO.Path.Combine(RepositoryRoot.Path, "tests", "interop");

    /// <summary>Null when both parsers are installed, else what is missing and how to install it.</summary>
    public static string? MissingReason => Missing.Value;

    /// <summary>When CI is set a missing tool must fail the run rather than skip it.</summary>
    public static bool IsCi => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));

    public static JsonObject ParseWithPython(string icsPath) => ParseOne(SystemPython, "parse_ics.py", icsPath);

    public static JsonObject ParseWithIcalJs(string icsPath) => ParseOne("node", "parse_ics.mjs", icsPath);

    private static JsonObject ParseOne(string program, string script, string icsPath)
    {
        if (MissingReason is { } reason)
        {
            Assert.Fail(reason);
        }

        var (exitCode, stdout, stderr) = Run(program, System.IO.Path.Combine(Directory, script), icsPath);
        Assert.True(exitCode == 0, $"{script} failed on {icsPath} (exit {exitCode}):\n{stderr}\n{File.ReadAllText(icsPath)}");
        var results = JsonNode.Parse(stdout)!.AsArray();
        return Assert.Single(results)!.AsObject();
    }

    private static (int ExitCode, string Stdout, string Stderr) Run(string program, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            WorkingDirectory = Directory,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {program}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(HangGuard))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not finish.");
        }

        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string? FindMissing()
    {
        var problems = new List<string>();
        if (!Succeeds(SystemPython, "-c", "import icalendar"))
        {
            problems.Add($"{SystemPython} cannot import icalendar (apt-get update && apt-get install -y python3-icalendar)");
        }

        if (!Succeeds("node", "--version"))
        {
            problems.Add("node is not on PATH");
        }

        if (!File.Exists(System.IO.Path.Combine(Directory, "node_modules", "ical.js", "package.json")))
        {
            problems.Add("ical.js is not installed (cd tests/interop && npm ci)");
        }

        return problems.Count == 0
            ? null
            : "Interop parsers missing: " + string.Join("; ", problems) + ". Run tests/interop/setup.sh.";
    }

    private static bool Succeeds(string program, params string[] arguments)
    {
        try
        {
            return Run(program, arguments).ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // program not found
        }
    }
}
