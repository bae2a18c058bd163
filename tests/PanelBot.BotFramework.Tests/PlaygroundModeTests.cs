using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PanelBot.BotFramework.Tests.Infrastructure;

namespace PanelBot.BotFramework.Tests;

/// <summary>When the playground is mapped, and that its loopback service URL never gets the bot token.</summary>
public sealed class PlaygroundModeTests
{
    private static Dictionary<string, string?> WithAppId(string? playgroundEnabled) => new()
    {
        ["MicrosoftAppId"] = FakeIdentityProvider.AppId,
        ["MicrosoftAppPassword"] = "secret",
        ["Playground:Enabled"] = playgroundEnabled,
    };

    [Fact]
    public async Task Playground_WithAppIdByDefault_IsNotMapped()
    {
        await using var host = await BotHost.StartAsync(WithAppId(null));

        var response = await host.Client.PostJsonAsync("v3/directline/conversations", "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Playground_ExplicitlyEnabledWithAppId_RefusesToStart()
    {
        // The playground's routes are unauthenticated and let a client choose any from.id.
        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => BotHost.StartAsync(WithAppId("true")));

        Assert.Contains(error.Failures, f => f.Contains("Playground", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Playground_WithoutAppId_RepliesOverLoopbackWithoutToken()
    {
        var tokens = new FakeTokenProvider();
        await using var host = await BotHost.StartAsync(configureServices: s => s.AddSingleton<IBotTokenProvider>(tokens));
        host.Bot.Behaviour = (turn, ct) => turn.Activity.Type == ActivityTypes.ConversationUpdate
            ? turn.SendActivityAsync("Welcome!", ct)
            : Task.CompletedTask;

        var start = JsonNode.Parse(await (await host.Client.PostJsonAsync("v3/directline/conversations", "{}")).Content.ReadAsStringAsync())!;
        await host.Bot.WaitForAsync(a => a.Type == ActivityTypes.ConversationUpdate);
        var stream = JsonNode.Parse(await host.Client.GetStringAsync($"v3/directline/conversations/{start["conversationId"]}/activities?watermark="))!;

        var welcome = Assert.Single(stream["activities"]!.AsArray())!;
        Assert.Equal("Welcome!", (string?)welcome["text"]);
        Assert.Null(welcome["replyToId"]);
        Assert.Equal(0, tokens.Calls);
    }

    [Fact]
    public async Task Playground_ExplicitlyDisabledWithoutAppId_IsNotMapped()
    {
        await using var host = await BotHost.StartAsync(new Dictionary<string, string?> { ["BotFramework:Playground:Enabled"] = "false" });

        var response = await host.Client.PostJsonAsync("v3/directline/conversations", "{}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
