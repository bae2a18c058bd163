using System.ComponentModel.DataAnnotations;
using NodaTime;
using PanelBot.Domain.Time;

namespace PanelBot.Features;

/// <summary>Binds <c>Events</c>.</summary>
public sealed class EventsOptions : IValidatableObject
{
    public const string Section = "Events";

    /// <summary>Zone for users whose channel reports none and who never named one.</summary>
    public string DefaultTimeZone { get; set; } = "Europe/London";

    /// <summary>A speaker's waking hours on their own clock ("08:00-21:00"): organisers are warned about slots outside them.</summary>
    public string SpeakerHours { get; set; } = WakingHours.Default.ToString();

    /// <summary><see cref="SpeakerHours"/> read; valid once the options have passed start-up validation.</summary>
    public WakingHours SpeakerWakingHours
    {
        get
        {
            // Every card drawn asks; parsed once per value (the parser's regular expression showed in CPU profiles).
            if (_parsed is not { } parsed || !ReferenceEquals(parsed.Text, SpeakerHours))
            {
                _parsed = parsed = new ParsedHours(SpeakerHours,
                    WakingHours.TryParse(SpeakerHours, out var hours, out _) ? hours : WakingHours.Default);
            }

            return parsed.Hours;
        }
    }

    private ParsedHours? _parsed;

    private sealed record ParsedHours(string Text, WakingHours Hours);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(DefaultTimeZone) is null)
        {
            yield return new ValidationResult($"Events:DefaultTimeZone '{DefaultTimeZone}' is not an IANA time zone.", [nameof(DefaultTimeZone)]);
        }

        if (!WakingHours.TryParse(SpeakerHours, out _, out var error))
        {
            yield return new ValidationResult($"Events:SpeakerHours: {error}", [nameof(SpeakerHours)]);
        }
    }
}
