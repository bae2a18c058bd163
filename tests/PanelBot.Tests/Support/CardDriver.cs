using System.Text.Json.Nodes;

namespace PanelBot.Tests.Support;

/// <summary>
/// Clicks card buttons the way each client does. Teams sends an <c>Action.Execute</c> as an <c>adaptiveCard/action</c>
/// invoke whose <c>action.data</c> is the button's data with the card's inputs merged in, and shows the card of the invoke
/// response in place of the old one. Web Chat sends an <c>Action.Submit</c> as a message whose value is the button's data
/// (verb included) merged with the inputs, and shows the reply below.
/// </summary>
public sealed class CardDriver(BotClient bot, string channel)
{
    public string Channel => channel;
    public bool IsTeams => channel == BotClient.Teams;

    /// <summary>Types a message and answers the card of the reply.</summary>
    public async Task<CardReply> SayAsync(string userId, string text)
    {
        var replies = await bot.SayAsync(userId, text, channel);
        return new CardReply(CardJson.Of(replies), CardJson.TextOf(replies));
    }

    /// <summary>Clicks the button titled <paramref name="title"/> (in the actions, an ActionSet or the overflow) with these inputs filled in.</summary>
    public async Task<CardReply> ClickAsync(string userId, JsonObject card, string title, JsonObject? inputs = null)
    {
        var action = CardJson.Button(card, title);
        if (action["associatedInputs"]?.GetValue<string>() == "none") inputs = null;
        if (IsTeams)
        {
            Assert.Equal("Action.Execute", action["type"]!.GetValue<string>());
            var data = Merge(action["data"] as JsonObject, inputs);
            var response = await bot.InvokeAsync(userId, action["verb"]!.GetValue<string>(), data);
            Assert.Equal(200, response.HttpStatus);
            return response.Type == CardJson.AdaptiveContentType
                ? new CardReply([response.Card], "")
                : new CardReply([], response.Message);
        }
        Assert.Equal("Action.Submit", action["type"]!.GetValue<string>());
        var value = Merge(action["data"] as JsonObject, inputs);
        var replies = await bot.SubmitAsync(userId, value, channel);
        return new CardReply(CardJson.Of(replies), CardJson.TextOf(replies));
    }

    private static JsonObject Merge(JsonObject? data, JsonObject? inputs)
    {
        var merged = (JsonObject?)data?.DeepClone() ?? [];
        foreach (var (key, value) in inputs ?? []) merged[key] = value?.DeepClone();
        return merged;
    }
}

/// <summary>What came back: the cards (the last is the one the user now looks at) and any text.</summary>
public sealed record CardReply(IReadOnlyList<JsonObject> Cards, string Text)
{
    public JsonObject Card => Cards.Count > 0 ? Cards[^1] : throw new Xunit.Sdk.XunitException($"No card came back; the text was: {Text}");

    /// <summary>Everything the user sees: the text above the card and the card's own texts.</summary>
    public string Shown => Text + "\n" + string.Join("\n", Cards.SelectMany(c => CardJson.TextBlocks(c)));
}
