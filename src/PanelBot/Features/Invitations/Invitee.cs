using NodaTime;
using PanelBot.Calendar;
using PanelBot.Domain.Programme;

namespace PanelBot.Features.Invitations;

/// <summary>Someone who gets the event's calendar mail: a going attendee or a speaker with an email.</summary>
/// <param name="Zone">Their own zone when known (their times are shown too).</param>
/// <param name="SpeakerRole">Null for attendees.</param>
public sealed record Invitee(string Email, string Name, DateTimeZone? Zone = null, SpeakerRole? SpeakerRole = null)
{
    /// <summary>The moderator or chair leads the event: ROLE=CHAIR; everyone else takes part.</summary>
    public AttendeeRole Role => SpeakerRole is Domain.Programme.SpeakerRole.Moderator or Domain.Programme.SpeakerRole.Chair
        ? AttendeeRole.Chair
        : AttendeeRole.ReqParticipant;

    public string Key => Email.ToLowerInvariant();
}

/// <summary>What a calendar mail does; the value is the outbox kind.</summary>
public enum InvitationKind
{
    Invitation,
    Update,
    Release,
    Cancel,
    Withdrawal,
}

public static class InvitationKinds
{
    public static string OutboxKind(this InvitationKind kind) => kind switch
    {
        InvitationKind.Invitation => "invitation",
        InvitationKind.Update => "update",
        InvitationKind.Release => "release",
        _ => "cancel",
    };

    public static bool IsCancel(this InvitationKind kind) => kind is InvitationKind.Cancel or InvitationKind.Withdrawal;

    /// <summary>The outbox kinds that carry an event's iCalendar object.</summary>
    public static readonly IReadOnlyList<string> CalendarKinds = ["invitation", "update", "release", "cancel"];
}
