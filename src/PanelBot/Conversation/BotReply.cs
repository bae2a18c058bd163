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

    public bool IsSilent => Text.Length == 0 && Card is null;

    public static implicit operator BotReply(string text) => new(text);
}
