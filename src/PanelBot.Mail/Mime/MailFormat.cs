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
        // One buffer per thread, reused: a fresh 16 KB buffer per message was most of what composing allocated.
        var buffer = _writeBuffer ??= new MemoryStream(32 * 1024);
        buffer.SetLength(0);
        try
        {
            message.WriteTo(WireOptions, buffer);
            return buffer.ToArray();
        }
        finally
        {
            if (buffer.Capacity > MaxKeptBuffer)
            {
                _writeBuffer = null;
            }
        }
    }

    private const int MaxKeptBuffer = 1024 * 1024;

    [ThreadStatic]
    private static MemoryStream? _writeBuffer;

    /// <summary>Parses stored bytes; writing the result with <see cref="Wire"/> gives the same bytes back.</summary>
    public static MimeMessage Load(ReadOnlyMemory<byte> mime)
    {
        using var stream = OpenRead(mime);
        return MimeMessage.Load(stream);
    }

    /// <summary>
    /// Parses stored bytes without copying the bodies: parts keep pointing into <paramref name="stream"/> (MimeKit's
    /// persistent parsing), which must stay open while the message is written.
    /// </summary>
    public static MimeMessage LoadPersistent(MemoryStream stream) => MimeMessage.Load(ParserOptions.Default, stream, persistent: true);

    public static MemoryStream OpenRead(ReadOnlyMemory<byte> mime) =>
        System.Runtime.InteropServices.MemoryMarshal.TryGetArray(mime, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(mime.ToArray(), writable: false);

    private static FormatOptions CreateWireOptions()
    {
        var options = FormatOptions.Default.Clone();
        options.NewLineFormat = NewLineFormat.Dos;
        return options;
    }
}
