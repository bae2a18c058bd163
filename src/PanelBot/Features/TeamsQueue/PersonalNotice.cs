namespace PanelBot.Features.TeamsQueue;

/// <summary>What one person is told about their registration, without them asking.</summary>
public enum NoticeKind
{
    Promoted,
    Approved,
    ApprovedWaitlisted,
    Declined,
}

/// <summary>
/// <em>What</em> to tell user <see cref="UserId"/> about event <see cref="EventId"/>; <em>how</em> it reaches them is
/// <see cref="INoticeRoute"/>'s business. <see cref="ConversationId"/> is where they last answered from (a hint for
/// the route, not a promise that the notice goes there).
/// </summary>
public sealed record PersonalNotice(
    NoticeKind Kind,
    long EventId,
    string UserId,
    string UserName,
    string? ConversationId,
    int? WaitlistPosition = null);

/// <summary>
/// Asks Teams for a member's address (for calendar invitations) without keeping the user's click waiting.
/// <see cref="RosterId"/> is whose roster to ask (the team, for a channel); <see cref="ConversationId"/> where the
/// connector call is made from.
/// </summary>
public sealed record MemberLookup(long EventId, string UserId, string UserName, string ConversationId, string RosterId)
{
    /// <summary>The account id the roster knows (<c>from.id</c>); <see cref="UserId"/> is the person key.</summary>
    public string? MemberId { get; init; }
}

/// <summary>Refreshes every posted copy of an event's card.</summary>
public sealed record CardRefresh(long EventId);
