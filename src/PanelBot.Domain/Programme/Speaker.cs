using PanelBot.Domain.Events;
using PanelBot.Domain.Text;
using PanelBot.Domain.Time;

namespace PanelBot.Domain.Programme;

/// <summary>A person on the programme in a role. Owned value of the event (stored as JSON).</summary>
public sealed record Speaker
{
    public const int MaxNameLength = 200;

    public required string Name { get; init; }
    public required SpeakerRole Role { get; init; }
    public string? Affiliation { get; init; }
    public string? JobTitle { get; init; }

    /// <summary>What they speak about, e.g. "on the DRC".</summary>
    public string? Topic { get; init; }

    public SpeakerStatus Status { get; init; } = SpeakerStatus.Invited;
    public string? Email { get; init; }

    /// <summary>IANA zone where the speaker is, e.g. America/New_York; null when unknown. Their local times are shown from it.</summary>
    public string? TimeZoneId { get; init; }

    /// <summary>Position in the programme (1-based); 0 on input means "after the others".</summary>
    public int Order { get; init; }

    public IReadOnlyList<FieldError> Validate()
    {
        var errors = new List<FieldError>();
        Add(TextRules.CheckLine("speaker's name", Name, MaxNameLength, required: true));
        Add(TextRules.CheckLine("affiliation", Affiliation, TextRules.MaxShortTextLength, required: false));
        Add(TextRules.CheckLine("job title", JobTitle, TextRules.MaxShortTextLength, required: false));
        Add(TextRules.CheckLine("topic", Topic, TextRules.MaxShortTextLength, required: false));
        if (Email is not null)
        {
            Add(TextRules.CheckEmail("speaker's email", Email));
        }

        if (TimeZoneId is not null && ZoneLookup.Canonical(TimeZoneId) is null)
        {
            Add(ZoneLookup.Find(TimeZoneId).ErrorMessage);
        }

        if (!Enum.IsDefined(Role))
        {
            Add("Unknown role: use moderator, chair, presenter, discussant, panellist or keynote.");
        }

        if (Order < 0)
        {
            Add("The speaker's order must be 1 or more.");
        }

        return errors;

        void Add(string? message)
        {
            if (message is not null)
            {
                errors.Add(new FieldError(EventFields.Speaker, message));
            }
        }
    }

    /// <summary>"Carlo Koos (CMI), on the DRC".</summary>
    public override string ToString()
    {
        var text = Name;
        if (!string.IsNullOrWhiteSpace(JobTitle) && !string.IsNullOrWhiteSpace(Affiliation))
        {
            text += $" ({JobTitle}, {Affiliation})";
        }
        else if (!string.IsNullOrWhiteSpace(Affiliation))
        {
            text += $" ({Affiliation})";
        }
        else if (!string.IsNullOrWhiteSpace(JobTitle))
        {
            text += $" ({JobTitle})";
        }

        if (!string.IsNullOrWhiteSpace(Topic))
        {
            text += $", {Topic}";
        }

        return text;
    }
}
