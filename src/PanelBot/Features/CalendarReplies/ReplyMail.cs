using MimeKit;
using PanelBot.Calendar;

namespace PanelBot.Features.CalendarReplies;

/// <summary>
/// Finds the iTIP REPLY in a mail (RFC 6047 §2.4): every <c>text/calendar</c>, <c>application/ics</c> or <c>*.ics</c>
/// part, forwarded messages included, the one with <c>method=REPLY</c> first.
/// </summary>
public static class ReplyMail
{
    public static ItipReply? Find(MimeMessage message)
    {
        var candidates = message.BodyParts.OfType<MimePart>()
            .Where(IsCalendar)
            .OrderByDescending(p => string.Equals(p.ContentType.Parameters["method"], "REPLY", StringComparison.OrdinalIgnoreCase))
            .ToList();
        foreach (var part in candidates)
        {
            if (ItipReplyParser.TryParse(Text(part), out var reply))
            {
                return reply;
            }
        }

        return null;
    }

    /// <summary>The address in From (only one mailbox counts; a list of several is not one attendee).</summary>
    public static string? Sender(MimeMessage message) =>
        message.From.Mailboxes.ToList() is [{ } only] ? only.Address : null;

    private static bool IsCalendar(MimePart part) =>
        part.ContentType.IsMimeType("text", "calendar") || part.ContentType.IsMimeType("application", "ics")
        || (part.FileName?.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) ?? false);

    private static string Text(MimePart part)
    {
        if (part is TextPart text)
        {
            return text.Text;
        }

        using var decoded = new MemoryStream();
        part.Content?.DecodeTo(decoded);
        return System.Text.Encoding.UTF8.GetString(decoded.ToArray());
    }
}
