using PanelBot.Domain.Commands;

namespace PanelBot.Conversation.Limits;

/// <summary>Binds <c>Limits</c>: how much one person or one tenant may ask of the bot, and how big a command may be.</summary>
public sealed class LimitsOptions
{
    public const string Section = "Limits";

    /// <summary>Commands and card buttons one person may send in <see cref="CommandWindowSeconds"/>.</summary>
    public int CommandsPerUser { get; set; } = 60;

    /// <summary>Commands and card buttons all people of one Microsoft 365 tenant may send in the same window.</summary>
    public int CommandsPerTenant { get; set; } = 3_000;

    public int CommandWindowSeconds { get; set; } = 60;

    /// <summary>Events (drafts included) one person may create in <see cref="NewEventWindowSeconds"/>.</summary>
    public int NewEventsPerUser { get; set; } = 10;

    public int NewEventWindowSeconds { get; set; } = 3_600;

    public int MaxCommandLength { get; set; } = CommandLimits.Default.MaxLength;

    public int MaxTokenLength { get; set; } = CommandLimits.Default.MaxTokenLength;

    public int MaxReminderOffsets { get; set; } = CommandLimits.Default.MaxReminderOffsets;

    public CommandLimits ToCommandLimits() => new()
    {
        MaxLength = MaxCommandLength,
        MaxTokenLength = MaxTokenLength,
        MaxReminderOffsets = MaxReminderOffsets,
    };
}
