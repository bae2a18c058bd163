using PanelBot.Hosting;

if (args is [HealthProbe.Verb, ..])
{
    return await HealthProbe.RunAsync(args);
}

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    // The default host watches its content root and every folder below it for changes to appsettings.json, and
    // data/ (the SQLite database, its WAL, the mail pickup folder) lies below it: every commit and every mail woke the
    // watcher. Options are validated once at start-up, so a changed file takes effect on restart. Given first, so an
    // operator's own --hostBuilder:reloadConfigOnChange=true still wins.
    Args = ["--hostBuilder:reloadConfigOnChange=false", .. args],
    // The playground's files are copied next to the app, so `dotnet run` works from any folder.
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});
builder.AddPanelBot();

var app = builder.Build();
app.MapPanelBot();
// Start, wait and dispose as RunAsync does, except that a failed start (options validation) leaves the host undisposed:
// WebApplicationFactory's deferred host reads the host's services after the entry point fails, and a disposed
// provider would hide the validation error behind an ObjectDisposedException.
await app.StartAsync();
await app.WaitForShutdownAsync();
await app.DisposeAsync();
return 0;

public partial class Program;
