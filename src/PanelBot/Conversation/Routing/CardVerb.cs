using System.Text.Json.Nodes;
using NodaTime;

namespace PanelBot.Conversation.Routing;

/// <summary>Runs one card verb with the data the card submitted; <paramref name="zone"/> is the requester's zone.</summary>
public delegate Task<BotReply> CardVerbRun(IServiceProvider services, TurnRequest request, string verb, JsonObject data, DateTimeZone zone, CancellationToken ct);

/// <summary>One card verb (<c>Action.Execute</c> verb or <c>Action.Submit</c> value) and what runs it.</summary>
public sealed record CardVerb(string Verb, CardVerbRun Run)
{
    /// <summary>The answer to a verb nobody registered, or to one whose data no longer makes sense.</summary>
    public const string OutOfDate = "That button is out of date or not for me. Type `help` to see what I can do.";
}
