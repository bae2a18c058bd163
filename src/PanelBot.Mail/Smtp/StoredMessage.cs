using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;
using MimeKit;

namespace PanelBot.Mail;

/// <summary>
/// The outbox's stored bytes as a <see cref="MimeMessage"/> that MailKit writes back verbatim, without parsing the
/// MIME tree: the header fields are MimeKit headers holding their raw bytes (so MailKit still sees DKIM-Signature and
/// TLS-Required), the body is one opaque entity (<see cref="StoredBody"/>) that copies the stored body bytes. Only for
/// messages that MailKit would send unchanged anyway; <see cref="TryLoad"/> returns null for the others, which take
/// the full parse. One per session, refilled for each message: a new MimeMessage costs ten address lists, their
/// event handlers and two dictionaries, about a quarter of what a delivery allocated.
/// Not thread-safe: it belongs to one session, which sends one message at a time.
/// </summary>
internal sealed class StoredMessage : IDisposable
{
    // RFC 5321 §4.5.3.1.6: 1000 octets per line including CRLF.
    private const int MaxLineLength = 998;

    // A part declared 8bit or binary makes MailKit add BODY=8BITMIME/BINARYMIME to MAIL FROM (RFC 6152, RFC 3030);
    // such messages keep the full parse, so the envelope is the one MailKit computes from the MIME tree.
    private static readonly SearchValues<string> EightBitEncodings = SearchValues.Create(["8bit", "binary"], StringComparison.OrdinalIgnoreCase);
    private static readonly SearchValues<byte> LineBreaks = SearchValues.Create("\r\n"u8);

    private readonly StoredBody _body = new();
    private readonly MimeMessage _message;

    public StoredMessage()
    {
        _message = new MimeMessage(new HeaderList()) { Body = _body };
    }

    /// <summary>
    /// The stored message, ready for MailKit until <see cref="Clear"/>; null if it must take the full parse.
    /// </summary>
    /// <param name="onBodyWrite">Called when MailKit starts writing the body, i.e. after DATA (or BDAT) was accepted.</param>
    public MimeMessage? TryLoad(ReadOnlyMemory<byte> mime, Action onBodyWrite)
    {
        Clear();
        if (!MemoryMarshal.TryGetArray(mime, out var stored) || !IsSentUnchanged(stored.AsSpan()))
        {
            return null;
        }

        var separator = stored.AsSpan().IndexOf("\r\n\r\n"u8);
        if (separator < 0 || !AddHeaders(_message.Headers, stored.AsSpan(0, separator + 2)))
        {
            Clear();
            return null;
        }

        _body.Set(stored[(separator + 4)..], stored.Count, onBodyWrite);
        return _message;
    }

    /// <summary>Lets go of the last message's bytes.</summary>
    public void Clear()
    {
        if (_message.Headers.Count > 0)
        {
            _message.Headers.Clear();
        }

        _body.Clear();
    }

    public void Dispose()
    {
        _message.Body = null;
        _message.Dispose();
        _body.Dispose();
    }

    /// <summary>The size MailKit announces in MAIL FROM SIZE= (RFC 1870): the stored length.</summary>
    public static long? Size(MimeMessage message) => (message.Body as StoredBody)?.MessageLength;

    /// <summary>
    /// 7-bit text with CRLF line ends and lines of at most 998 octets, no NUL, no line starting "From " and no
    /// Content-Transfer-Encoding field (of the message or of a part, folded or not) that declares 8bit or binary: what
    /// MailKit's Prepare and newline filter leave untouched (MimePart.Prepare re-encodes only for NUL, 8-bit octets,
    /// long lines or "From " lines). One pass over the lines: this runs for every message the outbox delivers.
    /// </summary>
    private static bool IsSentUnchanged(ReadOnlySpan<byte> span)
    {
        // No NUL and no 8-bit octet.
        if (span.IndexOfAnyExceptInRange((byte)0x01, (byte)0x7F) >= 0)
        {
            return false;
        }

        var inEncodingField = false;
        while (!span.IsEmpty)
        {
            var end = span.IndexOfAny(LineBreaks);
            var line = end < 0 ? span : span[..end];
            if (line.Length > MaxLineLength)
            {
                return false;
            }

            // A line break is CRLF and nothing else: a bare CR or LF would be rewritten by MailKit's newline filter.
            if (end >= 0 && (span[end] != '\r' || end + 1 == span.Length || span[end + 1] != '\n'))
            {
                return false;
            }

            // The first octet decides which of the rarer checks a line needs; most lines need none.
            switch (line.IsEmpty ? 0 : line[0])
            {
                case (byte)'F' when line.StartsWith("From "u8):
                    return false;
                case (byte)'C' or (byte)'c':
                    inEncodingField = IsEncodingField(line);
                    break;
                case (byte)' ' or (byte)'\t':
                    break;
                default:
                    inEncodingField = false;
                    break;
            }

            if (inEncodingField && DeclaresEightBit(line))
            {
                return false;
            }

            span = end < 0 ? default : span[(end + 2)..];
        }

        return true;
    }

    private static bool IsEncodingField(ReadOnlySpan<byte> line) =>
        line.Length >= ContentTransferEncoding.Length && Ascii.EqualsIgnoreCase(line[..ContentTransferEncoding.Length], ContentTransferEncoding);

    private static ReadOnlySpan<byte> ContentTransferEncoding => "Content-Transfer-Encoding"u8;

    private static bool DeclaresEightBit(ReadOnlySpan<byte> line)
    {
        Span<char> chars = stackalloc char[line.Length];
        Ascii.ToUtf16(line, chars, out var count);
        return chars[..count].ContainsAny(EightBitEncodings);
    }

    /// <summary>
    /// The header fields (RFC 5322 §2.2: a name, a colon, a value with any folded lines), each kept as its raw bytes, so
    /// that MimeMessage, which writes RawField ':' RawValue, gives the stored block back. False if a line is no field.
    /// </summary>
    private static bool AddHeaders(HeaderList headers, ReadOnlySpan<byte> block)
    {
        while (!block.IsEmpty)
        {
            var end = 0;
            do
            {
                var crlf = block[end..].IndexOf("\r\n"u8);
                if (crlf < 0)
                {
                    return false;
                }

                end += crlf + 2;
            }
            while (end < block.Length && block[end] is (byte)' ' or (byte)'\t');

            var colon = block[..end].IndexOf((byte)':');
            if (colon <= 0 || block[..colon].IndexOfAnyExceptInRange((byte)'!', (byte)'~') >= 0)
            {
                return false;
            }

            headers.Add(new StoredHeader(block[..colon].ToArray(), block[(colon + 1)..end].ToArray()));
            block = block[end..];
        }

        return true;
    }

    private sealed class StoredHeader(byte[] field, byte[] value) : Header(ParserOptions.Default, field, value, invalid: false);
}

/// <summary>
/// The body of a <see cref="StoredMessage"/>: the stored bytes after the header block, written as they are (MailKit's
/// SmtpDataFilter still dot-stuffs them on the way). One per session, refilled for each message.
/// </summary>
internal sealed class StoredBody : MimeEntity
{
    private static readonly byte[] Crlf = "\r\n"u8.ToArray();
    private ArraySegment<byte> _body;
    private Action? _onWrite;

    public StoredBody()
        : base(new ContentType("application", "octet-stream"))
    {
        // The stored header block already holds the body's headers; this entity writes none of its own.
        Headers.Clear();
    }

    public long? MessageLength { get; private set; }

    // A MimeMessage built in code (strict compliance) always has its body end with a newline, as the full parse did.
    private bool EndsWithNewLine => _body.Count == 0 || _body.AsSpan().EndsWith("\r\n"u8);

    public void Set(ArraySegment<byte> body, long messageLength, Action onWrite)
    {
        _body = body;
        MessageLength = messageLength;
        _onWrite = onWrite;
    }

    public void Clear()
    {
        _body = default;
        MessageLength = null;
        _onWrite = null;
    }

    public override void Prepare(EncodingConstraint constraint, int maxLineLength = 78)
    {
    }

    public override void WriteTo(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _onWrite?.Invoke();
        stream.Write(_body.Array ?? [], _body.Offset, _body.Count);
        if (!EndsWithNewLine)
        {
            stream.Write(Crlf, 0, Crlf.Length);
        }
    }

    public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _onWrite?.Invoke();
        // The array overloads: MimeKit's FilteredStream overrides those, and the Memory ones would copy first.
        await stream.WriteAsync(_body.Array ?? [], _body.Offset, _body.Count, cancellationToken);
        if (!EndsWithNewLine)
        {
            await stream.WriteAsync(Crlf, 0, Crlf.Length, cancellationToken);
        }
    }
}
