namespace PanelBot.Features.CalendarReplies;

/// <summary>What became of one mail in the organiser mailbox.</summary>
public enum ReplyOutcome
{
    /// <summary>A valid REPLY; the RSVP now says what it says (it may have said so already).</summary>
    Applied,

    /// <summary>No iTIP REPLY inside (an ordinary mail, a COUNTER, an unreadable file).</summary>
    NotAReply,

    /// <summary>The UID is not one of our events, or we sent that attendee no invitation for it.</summary>
    Unknown,

    /// <summary>From is not the attendee who answers: nobody may answer for someone else.</summary>
    WrongSender,

    /// <summary>The event is cancelled or over; or the answer is not one we record (NEEDS-ACTION, DELEGATED).</summary>
    NotApplicable,
}

public static class ReplyOutcomes
{
    /// <summary>Applied mail goes to <c>processed</c>, everything else is set aside in <c>rejected</c>.</summary>
    public static string Folder(this ReplyOutcome outcome) => outcome == ReplyOutcome.Applied ? "processed" : "rejected";
}
