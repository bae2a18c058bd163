using System.Diagnostics;
using System.Text.Json.Nodes;
using PanelBot.Tests.Support;
using static PanelBot.Tests.Events.Cards.OrganiserWorld;

namespace PanelBot.Tests.Events.Cards;

/// <summary>
/// Every card an organiser meets (each form, with and without errors, and the event card in each state, for Teams and
/// for Web Chat) parses as Adaptive Cards 1.5 in Microsoft's own parser without a warning. Needs `npm ci` in tests/cards.
/// </summary>
public sealed class CardParserTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("panelbot-cards-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task EveryOrganiserCard_InTeamsAndWebChat_ParsesCleanlyInTheAdaptiveCardsParser()
    {
        var count = 0;
        foreach (var channel in new[] { BotClient.Teams, BotClient.WebChat })
        {
            await using var world = await StartAsync(channel);
            await WalkThroughEveryFormAsync(world);
            var cards = world.Bot.Transcript.SelectMany(CardCorpus.CardsIn)
                .Concat(world.Connector.Calls.Select(c => c.Body).SelectMany(body => CardsPosted(body)))
                .ToList();
            foreach (var card in cards) CardCorpus.Write(_folder, card);
            count += cards.Count;
        }
        Assert.True(count >= 40, $"only {count} cards were produced");

        var run = await CheckAsync(_folder);

        Assert.True(run.ExitCode == 0, $"check-cards.mjs exited {run.ExitCode}\n{run.Output}");
        Assert.Matches(@"(\d+) of \1 cards parse cleanly", run.Output);
    }

    [Fact]
    public async Task TheChecker_FailsOnACardWithAWarning()
    {
        CardCorpus.Write(_folder, JsonNode.Parse("""
            {"type":"AdaptiveCard","version":"1.5","body":[{"type":"TextBlock","text":"x","color":"Purple"}]}
            """)!.AsObject());

        var run = await CheckAsync(_folder);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("Invalid value \"Purple\" for property \"color\"", run.Output);
    }

    private static async Task WalkThroughEveryFormAsync(OrganiserWorld world)
    {
        var c = world.Client;
        await c.SayAsync(Olga, "help");
        await c.SayAsync(Olga, "new panel");
        var form = (await c.SayAsync(Olga, "new")).Card;
        var bad = Organiser.WebinarForm(start: "16:30", end: "15:00");
        await c.ClickAsync(Olga, form, "Create", bad);
        var card = await world.CreateDraftAsync();

        var speakers = (await c.ClickAsync(Olga, card, "Speakers")).Card;
        var typo = Cedric();
        typo["email"] = "nope";
        await c.ClickAsync(Olga, speakers, "Add speaker", typo);
        card = (await c.ClickAsync(Olga, speakers, "Add speaker", Cedric())).Card;
        speakers = (await c.ClickAsync(Olga, card, "Speakers")).Card;
        await c.ClickAsync(Olga, speakers, "Edit Cedric de Coning");

        var run = (await c.ClickAsync(Olga, card, "Run of show")).Card;
        await c.ClickAsync(Olga, run, "Add segment", new JsonObject { ["title"] = "", ["minutes"] = "0" });
        card = (await c.ClickAsync(Olga, run, "Add segment", new JsonObject { ["title"] = "Talks", ["minutes"] = "60", ["lead"] = "Cedric de Coning" })).Card;
        run = (await c.ClickAsync(Olga, card, "Run of show")).Card;
        card = (await c.ClickAsync(Olga, run, "Add segment", new JsonObject { ["title"] = "Q&A", ["minutes"] = "45" })).Card;
        run = (await c.ClickAsync(Olga, card, "Run of show")).Card;
        await c.ClickAsync(Olga, run, "Move 2 up");

        var readings = (await c.ClickAsync(Olga, card, "Readings")).Card;
        await c.ClickAsync(Olga, readings, "Add reading", new JsonObject { ["title"] = "X", ["url"] = "ftp://x" });
        card = (await c.ClickAsync(Olga, readings, "Add reading",
            new JsonObject { ["title"] = "MINUSMA", ["url"] = "https://effectivepeaceops.net/publication/minusma/", ["timing"] = "before" })).Card;
        await c.ClickAsync(Olga, card, "Readings");

        var settings = (await c.ClickAsync(Olga, card, "Settings")).Card;
        await c.ClickAsync(Olga, settings, "Save settings", new JsonObject { ["capacity"] = "x", ["reminders"] = "soon" });
        card = (await c.ClickAsync(Olga, settings, "Save settings", new JsonObject { ["capacity"] = "20", ["approval"] = "true", ["release"] = "2", ["reminders"] = "1d" })).Card;

        await c.ClickAsync(Olga, card, "Edit details");
        card = (await c.ClickAsync(Olga, card, "Publish")).Card;
        await world.Bot.SayAsync("ruth", "rsvp #1 going", c.Channel);
        var confirm = (await c.ClickAsync(Olga, card, "Cancel event")).Card;
        await c.ClickAsync(Olga, confirm, "Cancel the event", new JsonObject { ["reason"] = "Postponed." });
    }

    private static IEnumerable<JsonObject> CardsPosted(string body)
    {
        if (body.Length == 0 || JsonNode.Parse(body) is not JsonObject activity) yield break;
        foreach (var attachment in activity["attachments"]?.AsArray() ?? [])
            if (attachment?["content"] is JsonObject content && attachment["contentType"]?.GetValue<string>() == CardJson.AdaptiveContentType)
                yield return content;
    }

    private static async Task<(int ExitCode, string Output)> CheckAsync(string folder)
    {
        var root = FindRepoRoot();
        var package = Path.Combine(root, "tests", "cards", "node_modules", "adaptivecards");
        Assert.True(Directory.Exists(package), $"{package} is missing: run `npm ci` in tests/cards first");
        var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(root, "tests", "cards", "check-cards.mjs"));
        start.ArgumentList.Add(folder);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start node");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout + await stderr);
    }

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "PanelBot.sln"))) return dir.FullName;
        throw new InvalidOperationException($"no PanelBot.sln above {AppContext.BaseDirectory}");
    }
}
