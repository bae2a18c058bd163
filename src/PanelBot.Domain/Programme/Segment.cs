using PanelBot.Domain.Events;
using PanelBot.Domain.Text;

namespace PanelBot.Domain.Programme;

/// <summary>One item of the run of show, in order. Owned value of the event (stored as JSON).</summary>
public sealed record Segment
{
    public const int MaxMinutes = 24 * 60;

    public required string Title { get; init; }
    public required int Minutes { get; init; }

    /// <summary>Who leads it (free text, usually a speaker's name).</summary>
    public string? Lead { get; init; }

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        var title = TextRules.CheckLine("segment title", Title, TextRules.MaxTitleLength, required: true);
        if (title is not null)
        {
            errors.Add(new FieldError(EventFields.Segment, title));
        }

        if (Minutes is <= 0 or > MaxMinutes)
        {
            errors.Add(new FieldError(EventFields.Segment, $"A segment lasts 1 to {MaxMinutes} minutes; {Minutes} is not possible. How many minutes does it take?"));
        }

        var lead = TextRules.CheckLine("segment lead", Lead, Speaker.MaxNameLength, required: false);
        if (lead is not null)
        {
            errors.Add(new FieldError(EventFields.Segment, lead));
        }

        return errors;
    }
}
