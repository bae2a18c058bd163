using PanelBot.Tests.Support;

namespace PanelBot.Tests.Operations;

/// <summary>
/// The app on its defaults keeps its database and mail in data/ below its working folder, which is also the host's
/// content root: a file watcher there would wake on every commit and every mail.
/// </summary>
[Collection(SeparateProcesses.Name)]
public sealed class FileWatchTests
{
    [Fact]
    public async Task AppOnItsDefaults_WatchesNoFiles()
    {
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>());
        using var client = app.Client();
        await Eventually.Until(() => client.GetAsync("/health"), r => r.IsSuccessStatusCode, r => "the app to be ready: " + r.StatusCode);

        Assert.True(File.Exists(Path.Combine(app.WorkingFolder, "data", "panelbot.db")), "the database is not where the defaults put it");
        Assert.Empty(InotifyWatches(app.ProcessId));
    }

    /// <summary>One line per watch of every inotify descriptor the process holds (proc(5): /proc/PID/fdinfo).</summary>
    private static List<string> InotifyWatches(int pid)
    {
        var watches = new List<string>();
        foreach (var fd in Directory.GetFiles($"/proc/{pid}/fd"))
        {
            try
            {
                if (new FileInfo(fd).LinkTarget == "anon_inode:inotify")
                {
                    watches.AddRange(File.ReadLines($"/proc/{pid}/fdinfo/{Path.GetFileName(fd)}")
                        .Where(l => l.StartsWith("inotify wd:", StringComparison.Ordinal)));
                }
            }
            catch (FileNotFoundException)
            {
                // closed since the listing (a socket, a database file): not a watch
            }
        }

        return watches;
    }
}
