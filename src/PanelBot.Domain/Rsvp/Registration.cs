using NodaTime;

namespace PanelBot.Domain.Rsvp;

/// <summary>One user's RSVP to one event. Created and changed only by <see cref="RsvpBook"/>.</summary>
public sealed class Registration
{
    private Registration()
    {
        UserId = "";
        UserName = "";
    }

    public long Id { get; private set; }
    public long EventId { get; private set; }
    public string UserId { get; private set; }
    public string UserName { get; private set; }
    public string? Email { get; private set; }
    public RsvpState State { get; private set; }

    /// <summary>
    /// The waitlist's order, given on joining it and never changed while waiting: one more than any ticket given for the
    /// event before (gaps are fine); null when not waitlisted. The place people see is counted from it
    /// (<see cref="WaitlistPlaces"/>), so leaving the waitlist writes no other row.
    /// </summary>
    public int? WaitlistTicket { get; private set; }

    /// <summary>When the user last changed their answer.</summary>
    public Instant AnsweredAt { get; private set; }

    /// <summary>When the user joined the waitlist (first come, first promoted); null when not waitlisted.</summary>
    public Instant? WaitlistedAt { get; private set; }

    /// <summary>Where to tell the user about changes (e.g. a promotion), if known.</summary>
    public string? ConversationId { get; private set; }

    public Instant CreatedAt { get; private set; }

    /// <summary>A registration as stored, read back by the app's own SQL (EF Core materialises through the private setters).</summary>
    public static Registration Restore(long id, long eventId, string userId, string userName, string? email, RsvpState state,
        int? waitlistTicket, Instant answeredAt, Instant? waitlistedAt, string? conversationId, Instant createdAt) => new()
        {
            Id = id,
            EventId = eventId,
            UserId = userId,
            UserName = userName,
            Email = email,
            State = state,
            WaitlistTicket = waitlistTicket,
            AnsweredAt = answeredAt,
            WaitlistedAt = waitlistedAt,
            ConversationId = conversationId,
            CreatedAt = createdAt,
        };

    internal static Registration Create(long eventId, RsvpRequest request, Instant now) => new()
    {
        EventId = eventId,
        UserId = request.UserId,
        UserName = request.UserName.Trim(),
        Email = request.Email,
        ConversationId = request.ConversationId,
        CreatedAt = now,
        AnsweredAt = now,
        State = RsvpState.No,
    };

    internal void MoveTo(RsvpState state, Instant now)
    {
        if (state == RsvpState.Waitlisted && State != RsvpState.Waitlisted)
        {
            WaitlistedAt = now;
        }

        if (state != RsvpState.Waitlisted)
        {
            WaitlistedAt = null;
            WaitlistTicket = null;
        }
        State = state;
        AnsweredAt = now;
    }

    internal void Promote(Instant now)
    {
        State = RsvpState.Going;
        WaitlistedAt = null;
        WaitlistTicket = null;
        AnsweredAt = now;
    }

    internal void TakeWaitlistTicket(int ticket) => WaitlistTicket = ticket;

    internal bool UpdateContact(RsvpRequest request)
    {
        var changed = false;
        if (!string.IsNullOrWhiteSpace(request.Email) && request.Email != Email)
        {
            Email = request.Email;
            changed = true;
        }
        if (!string.IsNullOrWhiteSpace(request.UserName) && request.UserName.Trim() != UserName)
        {
            UserName = request.UserName.Trim();
            changed = true;
        }
        if (!string.IsNullOrWhiteSpace(request.ConversationId) && request.ConversationId != ConversationId)
        {
            ConversationId = request.ConversationId;
            changed = true;
        }
        return changed;
    }
}
