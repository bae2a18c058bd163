namespace PanelBot.Mail;

/// <summary>
/// The iCalendar object of an iMIP message. It becomes the last alternative
/// (<c>text/calendar; charset=UTF-8; method=METHOD</c>) and, when <see cref="AttachAsFile"/>
/// is set, also an <c>application/ics</c> attachment, which is the CalConnect best-practice shape.
/// </summary>
/// <param name="Method">iTIP method (REQUEST, CANCEL, ...); written in uppercase and must match METHOD: in <paramref name="Ics"/>.</param>
/// <param name="Ics">The serialised VCALENDAR, CRLF line endings, no BOM.</param>
public sealed record CalendarPart(string Method, string Ics, bool AttachAsFile = true, string FileName = "invite.ics");
