using MimeKit;

namespace PanelBot.Mail;

/// <summary>
/// How messages become bytes, in one place: CRLF line ends (RFC 5322 §2.1) whatever the platform, so the bytes
/// stored in an outbox, signed with DKIM and sent by SMTP are the same bytes. MimeKit's default newline is the
/// platform's (LF on Linux), which would change the body a DKIM signature covers.
/// </summary>
public static class MailFormat
{
    private static readonly FormatOptions WireOptions = CreateWireOptions();

    /// <summary>A copy of the wire options (callers such as MailKit may change their copy).</summary>
    public static FormatOptions Wire => WireOptions.Clone();

    public static byte[] ToBytes(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        using var buffer = new MemoryStream(16 * 1024);
        message.WriteTo(WireOptions, buffer);
        return buffer.ToArray();
    }

    /// <summary>Parses stored bytes; writing the result with <see cref="Wire"/> gives the same bytes back.</summary>
    public static MimeMessage Load(ReadOnlyMemory<byte> mime)
    {
        using var stream = new MemoryStream(mime.ToArray(), writable: false);
        return MimeMessage.Load(stream);
    }

    private static FormatOptions CreateWireOptions()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        return options;
    }
}
