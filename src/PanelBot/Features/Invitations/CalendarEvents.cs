using Microsoft.Extensions.Options;
using NodaTime.Extensions;
using PanelBot.Calendar;
using PanelBot.Domain.Events;
using DomainStatus = PanelBot.Domain.Events.EventStatus;

namespace PanelBot.Features.Invitations;

/// <summary>Turns an event into its VEVENT: the same UID for its whole life, SEQUENCE from the domain.</summary>
public sealed class CalendarEvents(IOptions<MailOptions> options)
{
    public const string ProdId = "-//PanelBot//PanelBot Invitations//EN";

    public CalendarAddress Organizer => new(options.Value.From, options.Value.FromName);

    /// <summary>Stable per event; the host part is the sender's domain, which the organisers own.</summary>
    public string Uid(Event ev) => $"panelbot-event-{ev.Id}@{options.Value.Sender.Domain}";

    /// <summary>The VEVENT of an invitation or cancel to one person, with the join link only when <paramref name="withJoinLink"/>.</summary>
    public CalendarEvent ForInvitee(Event ev, Invitee invitee, bool isCancel, bool withJoinLink, string description) =>
        Base(ev, withJoinLink, description) with
        {
            Attendees =
            [
                new CalendarAttendee(invitee.Email, invitee.Name)
                {
                    Role = invitee.Role,
                    PartStat = ParticipationStatus.NeedsAction,
                    Rsvp = !isCancel,
                },
            ],
        };

    /// <summary>For downloads and feeds: no attendees and never the join link.</summary>
    public CalendarEvent ForPublic(Event ev, string? pageUrl) =>
        Base(ev, withJoinLink: false, InvitationText.PublicDescription(ev, pageUrl)) with
        {
            Status = ev.Status == DomainStatus.Cancelled ? Calendar.EventStatus.Cancelled : Calendar.EventStatus.Confirmed,
        };

    private CalendarEvent Base(Event ev, bool withJoinLink, string description) => new()
    {
        Uid = Uid(ev),
        Sequence = ev.Sequence,
        Summary = ev.Title,
        Description = description,
        Location = InvitationText.Location(ev, withJoinLink),
        Url = withJoinLink ? HttpsJoinUrl(ev) : null,
        Start = ev.StartsAt,
        End = ev.EndsAt,
        Zone = ev.Zone,
        Organizer = Organizer,
        Categories = ev.Tags,
        Created = ev.CreatedAt,
        LastModified = ev.UpdatedAt,
    };

    public static Uri? HttpsJoinUrl(Event ev) =>
        Uri.TryCreate(ev.OnlineMeeting?.JoinUrl, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttps ? url : null;

    public static bool ShowsJoinLink(Event ev, TimeProvider clock) =>
        ev.OnlineMeeting?.JoinUrl is not null && ev.IsJoinLinkReleased(clock.GetCurrentInstant());
}
