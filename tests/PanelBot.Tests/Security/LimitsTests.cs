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

        var first = CardJson.TextOf(await bot.SayAsync("mallory", $"new webinar \"Flood\" {Webinar.DateText} 15:00-16:30 Europe/Oslo"));
        var second = await bot.SayAsync("mallory", $"new webinar \"Flood\" {Webinar.DateText} 15:00-16:30 Europe/Oslo");

        Assert.Contains("Please wait a minute", first);
        Assert.Empty(second);
        Assert.Equal(0, await Organiser.EventCountAsync(app));
        Assert.Contains("Created #", CardJson.TextOf(await bot.SayAsync("olga", $"new webinar \"Fine\" {Webinar.DateText} 15:00-16:30 Europe/Oslo")));
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
            await Organiser.DoAsync(bot, "olga", $"new webinar \"Talk {i}\" {Webinar.DateText} 15:00-16:30 Europe/Oslo");

        var third = CardJson.TextOf(await bot.SayAsync("olga", $"new webinar \"Talk 3\" {Webinar.DateText} 15:00-16:30 Europe/Oslo"));
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

        var text = CardJson.TextOf(await app.Bot().SayAsync("olga", $"new webinar \"Big\" {Webinar.DateText} 15:00-16:30 {zone}"));

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

/// <summary>Budgets follow the person, not the conversation or the account id a channel shows.</summary>
public sealed class PersonKeyTests
{
    private static BotFramework.Activity From(string channel, string id, string? objectId, string? tenant, string conversation) => new()
    {
        Type = "message",
        ChannelId = channel,
        From = new BotFramework.ChannelAccount { Id = id, AadObjectId = objectId },
        Conversation = new BotFramework.ConversationAccount { Id = conversation, TenantId = tenant },
    };

    [Fact]
    public void TeamsUser_IsTheSamePersonInEveryConversation_AndOnlyInTheirTenant()
    {
        var inChat = Conversation.Limits.TurnLimiter.PersonKey(From("msteams", "29:a", "OID-1", "t1", "a:chat"));
        var inChannel = Conversation.Limits.TurnLimiter.PersonKey(From("msteams", "29:other", "oid-1", "t1", "19:channel"));
        var otherTenant = Conversation.Limits.TurnLimiter.PersonKey(From("msteams", "29:a", "oid-1", "t2", "a:chat"));

        Assert.Equal(inChat, inChannel);
        Assert.NotEqual(inChat, otherTenant);
    }

    [Fact]
    public void WithoutAnObjectId_ChannelAndAccountIdNameThePerson()
    {
        var webChat = Conversation.Limits.TurnLimiter.PersonKey(From("webchat", "ana", null, null, "c1"));
        var directLine = Conversation.Limits.TurnLimiter.PersonKey(From("directline", "ana", null, null, "c1"));

        Assert.Equal("webchat:ana", webChat);
        Assert.NotEqual(webChat, directLine);
    }
}
