using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using NodaTime.Extensions;
using PanelBot.Features.Invitations;
using PanelBot.Storage;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Operations;

public sealed class HealthTests
{
    [Fact]
    public async Task Health_OnAMigratedApp_Is200WithEachCheckHealthy()
    {
        await using var app = await BotApp.StartAsync(StorageProvider.Sqlite);
        var (status, body) = await ReadyAsync(app);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        foreach (var check in new[] { "database", "scheduler", "outbox" })
            Assert.Equal("Healthy", body["checks"]![check]!["status"]!.GetValue<string>());
        Assert.Contains("migrations applied", body["checks"]!["database"]!["description"]!.GetValue<string>());
        Assert.Equal("running", body["checks"]!["scheduler"]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Live_ChecksNothingButTheProcess()
    {
        await using var app = await BotApp.StartAsync(StorageProvider.Sqlite);
        var (status, body) = await GetAsync(app, "/health/live");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("Healthy", body["status"]!.GetValue<string>());
        Assert.Empty(body["checks"]!.AsObject());
    }

    [Fact]
    public async Task Health_WithTheSqliteFileGone_Is503AndNamesNoPath()
    {
        var database = (SqliteTestDatabase)TestDatabase.Sqlite();
        await using var app = new BotApp(database);
        _ = app.Server;
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(app)).Status);

        SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(database.FilePath)!, "panelbot.db*")) File.Delete(file);
        var (status, body) = await GetAsync(app, "/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.DoesNotContain(database.FilePath, body.ToJsonString());
    }

    [PostgresFact]
    public async Task Health_WithThePostgresDatabaseDropped_Is503()
    {
        await using var app = await BotApp.StartAsync(StorageProvider.PostgreSql);
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(app)).Status);

        await app.Database.DisposeAsync(); // DROP DATABASE ... WITH (FORCE): the server ends every session in it
        var (status, body) = await GetAsync(app, "/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.DoesNotContain("panelbot_test_", body.ToJsonString());
    }

    [Fact]
    public async Task Health_WithAMigrationNotApplied_Is503()
    {
        await using var app = await BotApp.StartAsync(StorageProvider.Sqlite);
        await app.DbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM schema_migrations WHERE version = '0006_i15_data_protection_keys'"));

        var (status, body) = await GetAsync(app, "/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Contains("1 of", body["checks"]!["database"]!["description"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(null, HttpStatusCode.OK, "Degraded")]
    [InlineData("Unhealthy", HttpStatusCode.ServiceUnavailable, "Unhealthy")]
    public async Task Health_WithMailDueForLongerThanTheLimit_ReportsTheOutboxStuck(string? stuckStatus, HttpStatusCode expected, string outboxStatus)
    {
        await using var app = new BotApp { Settings = { ["Health:OutboxMaxAgeSeconds"] = "600" } };
        if (stuckStatus is not null) app.Settings["Health:OutboxStuckStatus"] = stuckStatus;
        _ = app.Server;
        await AddWaitingMailAsync(app);
        Assert.Equal(HttpStatusCode.OK, (await ReadyAsync(app)).Status);

        app.Clock.Advance(TimeSpan.FromMinutes(11));
        var (status, body) = await GetAsync(app, "/health");

        Assert.Equal(expected, status);
        Assert.Equal(outboxStatus, body["checks"]!["outbox"]!["status"]!.GetValue<string>());
        Assert.Contains("waiting 660 s", body["checks"]!["outbox"]!["description"]!.GetValue<string>());
        Assert.DoesNotContain("example.org", body.ToJsonString());
    }

    [Fact]
    public async Task Health_IsOpenWhileTheBotEndpointRequiresATokenAndTheSchedulerIsOff()
    {
        await using var app = new BotApp
        {
            Settings =
            {
                ["MicrosoftAppId"] = "00000000-0000-0000-0000-000000000001",
                ["MicrosoftAppPassword"] = "not-used",
                ["Scheduling:Enabled"] = "false",
            },
        };
        using var http = app.CreateClient();
        using var anonymousTurn = await http.PostAsync("/api/messages", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        var (status, body) = await ReadyAsync(app);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymousTurn.StatusCode);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("off on this instance", body["checks"]!["scheduler"]!["description"]!.GetValue<string>());
    }

    /// <summary>A mail that keeps failing: due at once, its next try an hour away, so the dispatcher leaves it alone.</summary>
    internal static Task AddWaitingMailAsync(BotApp app) => app.DbAsync(async db =>
    {
        var now = app.Clock.GetCurrentInstant();
        db.OutboxMessages.Add(new OutboxEntry
        {
            Kind = "invitation",
            Sender = "events@panelbot.example",
            Recipient = "someone@example.org",
            MessageId = $"<{Guid.NewGuid():N}@panelbot.example>",
            Mime = "Subject: test\r\n\r\nbody\r\n"u8.ToArray(),
            NotBefore = now,
            State = OutboxState.Pending,
            Attempts = 3,
            NextAttemptAt = now + NodaTime.Duration.FromHours(1),
            CreatedAt = now,
        });
        return await db.SaveChangesAsync();
    });

    /// <summary>
    /// /health once the app has finished starting: Quartz starts its scheduler when the host has started, so a probe
    /// right at start-up may rightly find it not running yet. The bound only keeps a broken app from hanging the run.
    /// </summary>
    internal static async Task<(HttpStatusCode Status, JsonObject Body)> ReadyAsync(BotApp app)
    {
        try
        {
            return await Eventually.Until(() => GetAsync(app, "/health"), answer => answer.Status == HttpStatusCode.OK, "/health to answer 200");
        }
        catch (TimeoutException)
        {
            return await GetAsync(app, "/health"); // the caller's assertion names what is wrong
        }
    }

    internal static async Task<(HttpStatusCode Status, JsonObject Body)> GetAsync(BotApp app, string path)
    {
        using var http = app.CreateClient();
        using var response = await http.GetAsync(path);
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString());
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject());
    }
}
