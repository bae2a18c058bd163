using System.Globalization;
using System.Text;
using MimeKit;
using MimeKit.Utils;

namespace PanelBot.Mail;

/// <summary>
/// Builds the <see cref="MimeMessage"/> of an <see cref="OutgoingMail"/>. With a calendar part the tree is the
/// CalConnect iMIP shape, <c>multipart/mixed { multipart/alternative { text/plain, text/html,
/// text/calendar; method=X }, application/ics }</c>; without one, the same tree minus the parts that are absent.
/// MimeKit encodes headers and bodies; every part is 7-bit (short-lined ASCII as it is, anything else base64).
/// </summary>
public static class MailComposer
{
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "From", "To", "Cc", "Bcc", "Subject", "Message-ID", "MIME-Version",
        "Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "Sender", "Reply-To", "DKIM-Signature",
    };

    public static MimeMessage Compose(OutgoingMail mail)
    {
        ArgumentNullException.ThrowIfNull(mail);
        if (mail.To.Count == 0)
        {
            throw new ArgumentException("A message needs at least one recipient.", nameof(mail));
        }

        // The headers MimeMessage() would start with, in its order, but without the local time and random Message-ID
        // it would compute only for them to be replaced below.
        var message = new MimeMessage((IEnumerable<Header>)new Header[]
        {
            new(HeaderId.From, ""), new(HeaderId.Date, FormatDate(mail.Date)), new(HeaderId.Subject, ""), new(HeaderId.MessageId, "<placeholder@localhost>"),
        });
        message.From.Add(Clean(mail.From));
        message.To.AddRange(mail.To.Select(Clean));
        message.Subject = HeaderText.Sanitize(mail.Subject);
        message.MessageId = mail.MessageId is null ? MimeUtils.GenerateMessageId(mail.From.Domain) : ValidateMessageId(mail.MessageId);
        foreach (var header in mail.Headers)
        {
            message.Headers.Add(ValidateHeaderName(header.Name), HeaderText.Sanitize(header.Value));
        }

        message.Body = BuildTree(mail);
        return message;
    }

    private static MimeEntity BuildTree(OutgoingMail mail)
    {
        var alternatives = new List<MimeEntity>(3);
        if (mail.TextBody is not null)
        {
            alternatives.Add(Text("plain", mail.TextBody));
        }

        if (mail.HtmlBody is not null)
        {
            alternatives.Add(Text("html", mail.HtmlBody));
        }

        var attachments = new List<MimeEntity>(mail.Attachments.Count + 1);
        if (mail.Calendar is { } calendar)
        {
            var method = ValidateMethod(calendar);
            // Encoded once for both the inline part and the .ics file, with MimeKit's own encoder, so the bytes are the
            // ones MimeKit would write from the decoded text.
            var ics = Base64(CrlfUtf8(calendar.Ics.TrimStart('\uFEFF')));
            var part = new TextPart("calendar") { Content = Encoded(ics), ContentTransferEncoding = ContentEncoding.Base64 };
            part.ContentType.Charset = "UTF-8";
            part.ContentType.Parameters.Add("method", method);
            alternatives.Add(part);
            if (calendar.AttachAsFile)
            {
                attachments.Add(Attachment("application", "ics", calendar.FileName, Encoded(ics)));
            }
        }

        attachments.AddRange(mail.Attachments.Select(Attachment));
        var body = alternatives.Count switch
        {
            0 => Text("plain", ""),
            1 => alternatives[0],
            _ => Multipart("alternative", alternatives),
        };

        return attachments.Count == 0 ? body : Multipart("mixed", [body, .. attachments]);
    }

    private static Multipart Multipart(string subtype, IEnumerable<MimeEntity> parts)
    {
        var multipart = new Multipart(subtype);
        foreach (var part in parts)
        {
            multipart.Add(part);
        }

        return multipart;
    }

    private static TextPart Text(string subtype, string text)
    {
        var crlf = text.ReplaceLineEndings("\r\n");
        var part = new TextPart(subtype);
        part.SetText(Encoding.UTF8, crlf);
        // MimeKit's quoted-printable lines can reach 78 characters (RFC 2045 §6.7 allows 76), so anything that is not
        // short-lined ASCII goes as base64, which every client reads.
        if (!Ascii.IsValid(crlf) || !IsShortLined(crlf))
        {
            part.ContentTransferEncoding = ContentEncoding.Base64;
        }

        return part;
    }

    private static bool IsShortLined(string crlf)
    {
        foreach (var line in crlf.AsSpan().EnumerateLines())
        {
            if (line.Length > 76 || line.StartsWith('.'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// RFC 5322 §3.3 date-time. Written here because MimeKit 4.18 prints a negative offset with minutes
    /// (Newfoundland, -03:30) as "-03-30".
    /// </summary>
    internal static string FormatDate(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
            + sign + offset.Hours.ToString("00", CultureInfo.InvariantCulture) + offset.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }

    private static MimePart Attachment(MailAttachment attachment)
    {
        if (!ContentType.TryParse(attachment.ContentType, out var contentType) || contentType.Parameters.Count > 0)
        {
            throw new ArgumentException($"Invalid content type '{HeaderText.Sanitize(attachment.ContentType)}'.", nameof(attachment));
        }

        var content = System.Runtime.InteropServices.MemoryMarshal.TryGetArray(attachment.Content, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(attachment.Content.ToArray(), writable: false);
        return Attachment(contentType.MediaType.ToLowerInvariant(), contentType.MediaSubtype.ToLowerInvariant(), attachment.FileName, new MimeContent(content));
    }

    private static MimePart Attachment(string mediaType, string subtype, string name, MimeContent content)
    {
        var fileName = new string(HeaderText.Sanitize(name).Where(c => c is not ('"' or '\\' or '/')).ToArray());
        return new MimePart(mediaType, subtype)
        {
            Content = content,
            ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
            ContentTransferEncoding = ContentEncoding.Base64,
            FileName = fileName.Length == 0 ? "attachment" : fileName,
        };
    }

    private static ArraySegment<byte> Base64(byte[] content)
    {
        var encoder = new MimeKit.Encodings.Base64Encoder();
        var output = new byte[encoder.EstimateOutputLength(content.Length)];
        return new ArraySegment<byte>(output, 0, encoder.Flush(content, 0, content.Length, output));
    }

    private static MimeContent Encoded(ArraySegment<byte> base64) =>
        new(new MemoryStream(base64.Array!, base64.Offset, base64.Count, writable: false), ContentEncoding.Base64);

    private static MailboxAddress Clean(MailboxAddress mailbox)
    {
        var name = HeaderText.Sanitize(mailbox.Name);
        return name == mailbox.Name ? mailbox : new MailboxAddress(name, mailbox.Address);
    }

    private static byte[] CrlfUtf8(string text) => Encoding.UTF8.GetBytes(text.ReplaceLineEndings("\r\n"));

    private static string ValidateMethod(CalendarPart calendar)
    {
        var method = calendar.Method.Trim().ToUpperInvariant();
        if (method.Length == 0 || !method.All(c => c is >= 'A' and <= 'Z' or '-'))
        {
            throw new ArgumentException($"Invalid iTIP method '{calendar.Method}'.", nameof(calendar));
        }

        // RFC 6047 §2.4: the Content-Type method parameter must equal the iCalendar METHOD.
        foreach (var line in calendar.Ics.Split('\n'))
        {
            if (line.StartsWith("METHOD:", StringComparison.OrdinalIgnoreCase)
                && !string.Equals(line[7..].Trim(), method, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Content-Type method={method} must equal the iCalendar {line.Trim()}.", nameof(calendar));
            }
        }

        return method;
    }

    private static string ValidateMessageId(string messageId)
    {
        var id = messageId.Trim();
        if (id.StartsWith('<') && id.EndsWith('>'))
        {
            id = id[1..^1];
        }

        var at = id.IndexOf('@');
        if (at <= 0 || at == id.Length - 1 || id.Length > 250 || !id.All(c => c is > ' ' and <= '~' and not '<' and not '>' and not '"' and not '\\'))
        {
            throw new ArgumentException($"Invalid Message-ID '{HeaderText.Sanitize(messageId)}'.", nameof(messageId));
        }

        return id;
    }

    private static string ValidateHeaderName(string name)
    {
        if (name.Length == 0 || name.Length > 76 || !name.All(c => c is > ' ' and <= '~' and not ':') || ReservedHeaders.Contains(name))
        {
            throw new ArgumentException($"Header name '{HeaderText.Sanitize(name)}' is invalid or reserved.", nameof(name));
        }

        return name;
    }
}
