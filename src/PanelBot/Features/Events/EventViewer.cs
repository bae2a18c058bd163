using NodaTime;
using PanelBot.Domain.Rsvp;
using PanelBot.Domain.Time;

namespace PanelBot.Features.Events;

/// <summary>
/// Who looks at an event card. The card is drawn per viewer: their own zone, their RSVP, and the join link only when
/// they are an organiser or a confirmed participant after the release time.
/// </summary>
public sealed record EventViewer(string? UserId, DateTimeZone? Zone, bool IsOrganiser, RsvpState? Rsvp, int? WaitlistPosition, bool SeesJoinLink)
{
    /// <summary>Participants whose Teams client should refresh a shared copy of the card into their own view.</summary>
    public IReadOnlyList<string> Participants { get; init; } = [];

    /// <summary>The account ids (Teams user ids) of the person keys on the card, where known: Teams' refresh list needs them.</summary>
    public IReadOnlyDictionary<string, string> AccountIds { get; init; } = new Dictionary<string, string>();

    /// <summary>Organisers see each speaker's local time, marked when it falls outside these hours.</summary>
    public WakingHours SpeakerHours { get; init; } = WakingHours.Default;

    /// <summary>
    /// The organiser's control panel (edit, publish, programme, settings, cancel) goes on this copy: an organiser looking
    /// at a card that only they see. Never on a shared copy.
    /// </summary>
    public bool Tools { get; init; }

    /// <summary>The shared copy of a card in a channel: no personal state, no join link.</summary>
    public static EventViewer Anyone(DateTimeZone? zone = null) => new(null, zone, false, null, null, false);
}
