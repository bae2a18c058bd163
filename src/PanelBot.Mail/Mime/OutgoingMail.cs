namespace PanelBot.Mail;

/// <summary>
/// What to send. <see cref="MimeWriter"/> turns it into RFC 5322/MIME bytes; all user text
/// (subject, display names, header values) is sanitised there, so callers may pass raw input.
/// </summary>
public sealed record OutgoingMail
{
    public required MailboxAddress From { get; init; }

    /// <summary>Usually exactly one: invitations go one per attendee.</summary>
    public required IReadOnlyList<MailboxAddress> To { get; init; }

    public string Subject { get; init; } = "";

    public string? TextBody { get; init; }

    public string? HtmlBody { get; init; }

    public CalendarPart? Calendar { get; init; }

    public IReadOnlyList<MailAttachment> Attachments { get; init; } = [];

    /// <summary>Extra headers such as Content-Class or Auto-Submitted (see <see cref="MailHeader"/>).</summary>
    public IReadOnlyList<MailHeader> Headers { get; init; } = [];

    /// <summary>Without angle brackets (<c>id@domain</c>); generated as <c>guid@from-domain</c> when null.</summary>
    public string? MessageId { get; init; }

    public required DateTimeOffset Date { get; init; }
}
