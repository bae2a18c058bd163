using MimeKit;

namespace PanelBot.Mail;

/// <summary>
/// What to send, before it becomes a <see cref="MimeMessage"/> (<see cref="MailComposer.Compose"/>). Subject and
/// display names may be raw user input: they are cleaned of line breaks and control characters there, and MimeKit
/// encodes them.
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

    /// <summary>Without angle brackets (<c>id@domain</c>); generated at the From domain when null.</summary>
    public string? MessageId { get; init; }

    public required DateTimeOffset Date { get; init; }
}
