using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Security;

/// <summary>
/// Budgets per person and per tenant, and caps checked before a command is parsed. Windows are an hour long here,
/// so no budget refills while a test runs.
/// </summary>
public sealed class LimitsTests
{
    private static BotApp App(int perUser = 100_000, int perTenant = 100_000, int newEvents = 100_000) => new()
    {
        Settings =
        {
            ["Limits:CommandsPerUser"] = perUser.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Limits:CommandsPerTenant"] = perTenant.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Limits:CommandWindowSeconds"] = "3600",
            ["Limits:NewEventsPerUser"] = newEvents.ToString(System.Globalization.CultureInfo.InvariantCulture),
        },
    };

    [Fact]
    public async Task OverThePersonalBudget_SaysOnceToWaitAndDoesNothing()
    {
        await using var app = App(perUser: 3);
        var bot = app.Bot();
        for (var i = 0; i < 3; i++) Assert.NotEmpty(await bot.SayAsync("mallory", "help"));

        var first = CardJson.TextOf(await bot.SayAsync("mallory", "new webinar \"Flood\" 2026-12-09 15:00-16:30 Europe/Oslo"));
        var second = await bot.SayAsync("mallory", "new webinar \"Flood\" 2026-12-09 15:00-16:30 Europe/Oslo");

        Assert.Contains("Please wait a minute", first);
        Assert.Empty(second);
        Assert.Equal(0, await Organiser.EventCountAsync(app));
        Assert.Contains("Created #", CardJson.TextOf(await bot.SayAsync("olga", "new webinar \"Fine\" 2026-12-09 15:00-16:30 Europe/Oslo")));
    }

    [Fact]
    public async Task OverThePersonalBudget_ACardButtonGetsA429AnswerAndChangesNothing()
    {
        await using var app = App(perUser: 1);
        var bot = app.Bot();
        Assert.NotEmpty(await bot.SayAsync("mallory", "help", BotClient.Teams));

        var result = await bot.InvokeAsync("mallory", "help");

        Assert.Equal("application/vnd.microsoft.error", result.Type);
        Assert.Equal(429, (int?)result.Body["statusCode"]);
    }

    [Fact]
    public async Task OverTheTenantBudget_OtherPeopleOfThatTenantWaitToo_OtherTenantsDoNot()
    {
        await using var app = App(perTenant: 2);
        var bot = app.Bot();
        Task<IReadOnlyList<JsonObject>> Say(string user, string tenant) =>
            bot.SayAsync(user, "help", BotClient.Teams, a => a["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } });

        Assert.NotEmpty(await Say("ana", "contoso"));
        Assert.NotEmpty(await Say("bo", "contoso"));
        var third = CardJson.TextOf(await Say("cy", "contoso"));
        var elsewhere = await Say("dee", "fabrikam");

        Assert.Contains("Please wait a minute", third);
        Assert.DoesNotContain("Please wait", CardJson.TextOf(elsewhere));
    }

    [Fact]
    public async Task NewEventsOverTheHourlyBudget_AreRefusedWithAClearMessage()
    {
        await using var app = App(newEvents: 2);
        var bot = app.Bot();
        for (var i = 0; i < 2; i++)
            await Organiser.DoAsync(bot, "olga", $"new webinar \"Talk {i}\" 2026-12-09 15:00-16:30 Europe/Oslo");

        var third = CardJson.TextOf(await bot.SayAsync("olga", "new webinar \"Talk 3\" 2026-12-09 15:00-16:30 Europe/Oslo"));
        var demo = CardJson.TextOf(await bot.SayAsync("olga", "demo"));

        Assert.Contains("created a lot of events in the last hour", third);
        Assert.Contains("created a lot of events in the last hour", demo);
        Assert.Equal(2, await Organiser.EventCountAsync(app));
    }

    [Fact]
    public async Task HugeZoneName_IsRefusedBeforeParsing_WithAShortAnswer()
    {
        await using var app = App();
        var zone = new string('Q', 250_000);

        var text = CardJson.TextOf(await app.Bot().SayAsync("olga", $"new webinar \"Big\" 2026-12-09 15:00-16:30 {zone}"));

        Assert.Contains("a command can be at most 12,000", text);
        Assert.True(text.Length < 300, text);
        Assert.Equal(0, await Organiser.EventCountAsync(app));
    }

    [Fact]
    public async Task ElevenReminderTimes_AreRefused_TenAreTaken()
    {
        await using var app = App();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga");

        var eleven = CardJson.TextOf(await bot.SayAsync("olga", $"remind #{number} 1h,2h,3h,4h,5h,6h,7h,8h,9h,10h,11h"));
        var ten = CardJson.TextOf(await bot.SayAsync("olga", $"remind #{number} 1h,2h,3h,4h,5h,6h,7h,8h,9h,10h"));

        Assert.Contains("at most 10", eleven);
        Assert.DoesNotContain("at most 10", ten);
    }

    [Fact]
    public void Start_WithANonPositiveLimit_Fails()
    {
        using var app = new BotApp { Settings = { ["Limits:CommandsPerUser"] = "0" } };

        var error = Assert.Throws<OptionsValidationException>(() => app.Server);

        Assert.Contains(error.Failures, f => f.Contains("Limits:CommandsPerUser", StringComparison.Ordinal));
    }
}
