using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PanelBot.Mail;

/// <summary>
/// Composes RFC 5322 + MIME messages. With a calendar part the tree is
/// <c>multipart/mixed { multipart/alternative { text/plain, text/html, text/calendar;method=X }, application/ics }</c>;
/// without one, the same tree minus the parts that are absent (see docs/ical-interop.md §1).
/// Output is 7-bit, CRLF-terminated, with base64 lines of 76 characters.
/// </summary>
public static class MimeWriter
{
    private static readonly HashSet<string> ReservedHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Date", "From", "To", "Cc", "Bcc", "Subject", "Message-ID", "MIME-Version",
        "Content-Type", "Content-Transfer-Encoding", "Content-Disposition", "Sender", "Reply-To",
    };

    public static byte[] Write(OutgoingMail mail) => Compose(mail).Mime;

    public static ComposedMessage Compose(OutgoingMail mail)
    {
        var buffer = new ArrayBufferWriter<byte>(EstimateSize(mail));
        var messageId = Write(mail, buffer);
        return new ComposedMessage(messageId, buffer.WrittenSpan.ToArray());
    }

    /// <returns>The Message-ID written (without angle brackets).</returns>
    public static string Write(OutgoingMail mail, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(mail);
        ArgumentNullException.ThrowIfNull(output);
        if (mail.To.Count == 0)
        {
            throw new ArgumentException("A message needs at least one recipient.", nameof(mail));
        }

        var messageId = mail.MessageId is null ? $"{Guid.NewGuid():N}@{mail.From.Address.Domain}" : ValidateMessageId(mail.MessageId);
        var headers = new StringBuilder(512);
        headers.Append("Date: ").Append(FormatDate(mail.Date)).Append("\r\n");
        HeaderEncoder.AppendAddressList(headers, "From", [mail.From]);
        HeaderEncoder.AppendAddressList(headers, "To", mail.To);
        HeaderEncoder.AppendUnstructured(headers, "Subject", HeaderText.Sanitize(mail.Subject));
        headers.Append("Message-ID: <").Append(messageId).Append(">\r\n");
        headers.Append("MIME-Version: 1.0\r\n");
        foreach (var header in mail.Headers)
        {
            HeaderEncoder.AppendUnstructured(headers, ValidateHeaderName(header.Name), HeaderText.Sanitize(header.Value));
        }

        output.WriteAscii(headers);
        WriteEntity(output, BuildTree(mail));
        return messageId;
    }

    internal static string FormatDate(DateTimeOffset date)
    {
        var offset = date.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return date.ToString("ddd, dd MMM yyyy HH:mm:ss ", CultureInfo.InvariantCulture)
            + sign + offset.Hours.ToString("00", CultureInfo.InvariantCulture) + offset.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }

    private static MimeEntity BuildTree(OutgoingMail mail)
    {
        var alternatives = new List<MimeEntity>(3);
        if (mail.TextBody is not null)
        {
            alternatives.Add(TextLeaf("text/plain; charset=utf-8", mail.TextBody));
        }

        if (mail.HtmlBody is not null)
        {
            alternatives.Add(TextLeaf("text/html; charset=utf-8", mail.HtmlBody));
        }

        var attachments = new List<MimeEntity>(mail.Attachments.Count + 1);
        if (mail.Calendar is { } calendar)
        {
            var method = ValidateMethod(calendar);
            var ics = MimeText.ToCrlfUtf8(calendar.Ics);
            alternatives.Add(new MimeLeaf($"text/calendar; charset=UTF-8; method={method}", null, BodyEncoding.Base64, ics));
            if (calendar.AttachAsFile)
            {
                attachments.Add(AttachmentLeaf(new MailAttachment(calendar.FileName, "application/ics", ics)));
            }
        }

        attachments.AddRange(mail.Attachments.Select(AttachmentLeaf));

        var body = alternatives.Count switch
        {
            0 => TextLeaf("text/plain; charset=utf-8", ""),
            1 => alternatives[0],
            _ => new MimeMultipart("alternative", alternatives),
        };

        return attachments.Count == 0 ? body : new MimeMultipart("mixed", [body, .. attachments]);
    }

    private static MimeLeaf TextLeaf(string contentType, string text)
    {
        var bytes = MimeText.ToCrlfUtf8(text);
        return new MimeLeaf(contentType, null, MimeText.ChooseEncoding(bytes), bytes);
    }

    private static MimeLeaf AttachmentLeaf(MailAttachment attachment)
    {
        var contentType = ValidateContentType(attachment.ContentType);
        var (nameParameter, fileNameParameter) = FileNameParameters(attachment.FileName);
        return new MimeLeaf($"{contentType}; {nameParameter}", $"attachment; {fileNameParameter}", BodyEncoding.Base64, attachment.Content);
    }

    private static void WriteEntity(IBufferWriter<byte> output, MimeEntity entity)
    {
        switch (entity)
        {
            case MimeLeaf leaf:
                output.WriteAscii("Content-Type: " + leaf.ContentType + "\r\n");
                output.WriteAscii(leaf.Encoding == BodyEncoding.Base64
                    ? "Content-Transfer-Encoding: base64\r\n"
                    : "Content-Transfer-Encoding: quoted-printable\r\n");
                if (leaf.Disposition is not null)
                {
                    output.WriteAscii("Content-Disposition: " + leaf.Disposition + "\r\n");
                }

                output.WriteCrlf();
                if (leaf.Encoding == BodyEncoding.Base64)
                {
                    output.WriteBase64Lines(leaf.Body.Span);
                }
                else
                {
                    output.WriteQuotedPrintable(leaf.Body.Span);
                    output.WriteCrlf();
                }

                break;
            case MimeMultipart multipart:
                var boundary = NewBoundary();
                output.WriteAscii($"Content-Type: multipart/{multipart.Subtype};\r\n boundary=\"{boundary}\"\r\n\r\n");
                foreach (var part in multipart.Parts)
                {
                    output.WriteAscii("--" + boundary + "\r\n");
                    WriteEntity(output, part);
                }

                output.WriteAscii("--" + boundary + "--\r\n");
                break;
        }
    }

    // "=_" cannot occur in base64 or quoted-printable output, so a body can never contain the boundary.
    private static string NewBoundary()
    {
        Span<byte> random = stackalloc byte[18];
        RandomNumberGenerator.Fill(random);
        return "=_" + Convert.ToBase64String(random).Replace('+', '.').Replace('/', '_');
    }

    private static string ValidateMethod(CalendarPart calendar)
    {
        var method = calendar.Method.Trim().ToUpperInvariant();
        if (method.Length == 0 || !method.All(c => c is >= 'A' and <= 'Z' or '-'))
        {
            throw new ArgumentException($"Invalid iTIP method '{calendar.Method}'.", nameof(calendar));
        }

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

    private static string ValidateContentType(string contentType)
    {
        var parts = contentType.Trim().Split('/');
        if (parts.Length != 2 || !parts.All(IsToken))
        {
            throw new ArgumentException($"Invalid content type '{HeaderText.Sanitize(contentType)}'.", nameof(contentType));
        }

        return contentType.Trim().ToLowerInvariant();
    }

    private static bool IsToken(string value) =>
        value.Length > 0 && value.All(c => c is > ' ' and <= '~' && !"()<>@,;:\\\"/[]?=".Contains(c));

    private static (string Name, string FileName) FileNameParameters(string fileName)
    {
        var clean = new string(HeaderText.Sanitize(fileName).Where(c => c is not ('"' or '\\' or '/')).ToArray());
        if (clean.Length == 0)
        {
            clean = "attachment";
        }

        if (clean.All(c => c is >= ' ' and <= '~'))
        {
            return ($"name=\"{clean}\"", $"filename=\"{clean}\"");
        }

        // RFC 2231 extended parameter for non-ASCII names.
        var encoded = "UTF-8''" + Uri.EscapeDataString(clean);
        return ($"name*={encoded}", $"filename*={encoded}");
    }

    private static int EstimateSize(OutgoingMail mail)
    {
        long size = 2048 + (mail.TextBody?.Length ?? 0) * 2L + (mail.HtmlBody?.Length ?? 0) * 2L
            + (mail.Calendar?.Ics.Length ?? 0) * 3L + mail.Attachments.Sum(a => (long)a.Content.Length) * 4 / 3;
        return (int)Math.Min(size, int.MaxValue / 2);
    }
}
