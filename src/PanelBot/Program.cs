using PanelBot.Hosting;

if (args is [HealthProbe.Verb, ..]) return await HealthProbe.RunAsync(args);

var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    // The playground's files are copied next to the app, so `dotnet run` works from any folder.
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});
builder.AddPanelBot();

var app = builder.Build();
app.MapPanelBot();
await app.RunAsync();
return 0;

public partial class Program;
