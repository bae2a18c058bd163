using System.ComponentModel.DataAnnotations;
using NodaTime;

namespace PanelBot.Features;

/// <summary>Binds <c>Events</c>.</summary>
public sealed class EventsOptions : IValidatableObject
{
    public const string Section = "Events";

    /// <summary>Zone for users whose channel reports none and who never named one.</summary>
    public string DefaultTimeZone { get; set; } = "Europe/London";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(DefaultTimeZone) is null)
            yield return new ValidationResult($"Events:DefaultTimeZone '{DefaultTimeZone}' is not an IANA time zone.", [nameof(DefaultTimeZone)]);
    }
}
