using System.Text.Json.Nodes;

namespace PanelBot.Conversation;

/// <summary>
/// What a feature answers: <see cref="Text"/> is complete on its own (channels without cards); where cards render,
/// the <see cref="Card"/> is shown with <see cref="Lead"/> above it. <see cref="Notes"/> (e.g. how an ambiguous time
/// was read) go with either.
/// </summary>
public sealed record BotReply(string Text, JsonObject? Card = null)
{
    public static readonly BotReply Silent = new("");

    public string? Lead { get; init; }
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Field-level problems behind a refusal, so a form can show each under its input.</summary>
    public IReadOnlyList<Domain.FieldError> Errors { get; init; } = [];

    /// <summary>
    /// Meant for the requester only (a link, an address, a list, their own answer, organiser tools). Asked for in a
    /// group chat or channel, it goes to their 1:1 chat and <see cref="SharedNote"/> is said in place instead.
    /// </summary>
    public bool IsPersonal { get; init; }

    /// <summary>What to say in the shared conversation when the reply itself went 1:1; never anything personal.</summary>
    public string? SharedNote { get; init; }

    /// <summary>
    /// Posted in place of a personal reply in a group chat or channel, instead of sending it 1:1: the public card,
    /// whose per-user refresh (Universal Actions <c>refresh.userIds</c>) brings each viewer their own view privately.
    /// </summary>
    public BotReply? SharedVersion { get; init; }

    public bool IsSilent => Text.Length == 0 && Card is null;

    /// <summary>This reply, for the requester's eyes only; <paramref name="what"/> names it in the shared note.</summary>
    public BotReply ForRequesterOnly(string what) =>
        this with { IsPersonal = true, SharedNote = SharedNote ?? $"I've sent you {what} in a private chat." };

    public static implicit operator BotReply(string text) => new(text);
}
