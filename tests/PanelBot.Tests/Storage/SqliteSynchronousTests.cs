using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PanelBot.Storage;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Storage;

/// <summary><c>Storage:Sqlite:Synchronous</c> is in effect on every connection the app's pooled contexts open.</summary>
public sealed class SqliteSynchronousTests
{
    [Theory]
    [InlineData(null, 1)] // NORMAL by default
    [InlineData("Normal", 1)]
    [InlineData("Full", 2)]
    public async Task EveryConnection_RunsWithTheConfiguredLevel(string? setting, long expected)
    {
        await using var app = new BotApp();
        if (setting is not null)
        {
            app.Settings["Storage:Sqlite:Synchronous"] = setting;
        }

        // Several contexts open at once take several native connections from the pool; each must have the pragma,
        // and so must one handed back to the pool and taken again.
        for (var round = 0; round < 2; round++)
        {
            var scopes = Enumerable.Range(0, 4).Select(_ => app.Services.CreateAsyncScope()).ToList();
            try
            {
                foreach (var scope in scopes)
                {
                    var db = scope.ServiceProvider.GetRequiredService<PanelBotDbContext>();
                    await db.Database.OpenConnectionAsync();
                    await using var command = db.Database.GetDbConnection().CreateCommand();
                    command.CommandText = "PRAGMA synchronous";
                    Assert.Equal(expected, Convert.ToInt64(await command.ExecuteScalarAsync()));
                }
            }
            finally
            {
                foreach (var scope in scopes)
                {
                    await scope.DisposeAsync();
                }
            }
        }
    }

    [Theory]
    [InlineData("Off")]
    [InlineData("7")]
    public void Start_WithAnotherLevel_Fails(string setting)
    {
        using var app = new BotApp { Settings = { ["Storage:Sqlite:Synchronous"] = setting } };

        var error = Assert.ThrowsAny<Exception>(() => app.Server);

        Assert.Contains("Storage:Sqlite:Synchronous", error.ToString(), StringComparison.Ordinal);
    }
}
