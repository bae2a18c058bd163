using PanelBot.Domain.Text;

namespace PanelBot.Domain.Commands;

/// <summary>
/// Sizes checked before a command is parsed, so that no input, however long, reaches the slower steps (typo
/// suggestions compare a word with hundreds of zone ids) or turns into unbounded work (one job per reminder).
/// </summary>
public sealed record CommandLimits
{
    public static CommandLimits Default { get; } = new();

    /// <summary>The longest command line; room for the longest description plus the command around it.</summary>
    public int MaxLength { get; init; } = TextRules.MaxDescriptionLength + 2_000;

    /// <summary>The longest single word or quoted value; the longest field is the description.</summary>
    public int MaxTokenLength { get; init; } = TextRules.MaxDescriptionLength;

    /// <summary>Most reminder offsets one event may have (each becomes a scheduled job per reminder).</summary>
    public int MaxReminderOffsets { get; init; } = 10;
}
