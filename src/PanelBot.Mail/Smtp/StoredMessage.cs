using System.Buffers;
using System.Runtime.InteropServices;
using MimeKit;

namespace PanelBot.Mail;

/// <summary>
/// The outbox's stored bytes as a <see cref="MimeMessage"/> that MailKit writes back verbatim, without parsing the
/// MIME tree: the header fields are MimeKit's own (parsed, raw values kept, so MailKit still sees DKIM-Signature and
/// TLS-Required), the body is one opaque entity that copies the stored body bytes. Only for messages that MailKit
/// would send unchanged anyway; <see cref="TryCreate"/> returns null for the others, which take the full parse.
/// </summary>
internal static class StoredMessage
{
    // RFC 5321 §4.5.3.1.6: 1000 octets per line including CRLF.
    private const int MaxLineLength = 998;

    // A part declared 8bit or binary makes MailKit add BODY=8BITMIME/BINARYMIME to MAIL FROM (RFC 6152, RFC 3030);
    // such messages keep the full parse, so the envelope is the one MailKit computes from the MIME tree.
    private static readonly SearchValues<string> EightBitEncodings = SearchValues.Create(["8bit", "binary"], StringComparison.OrdinalIgnoreCase);

    /// <param name="onBodyWrite">Called when MailKit starts writing the body, i.e. after DATA (or BDAT) was accepted.</param>
    public static MimeMessage? TryCreate(ReadOnlyMemory<byte> mime, Action onBodyWrite)
    {
        if (!MemoryMarshal.TryGetArray(mime, out var stored) || !IsSentUnchanged(stored))
        {
            return null;
        }

        var separator = stored.AsSpan().IndexOf("\r\n\r\n"u8);
        if (separator < 0)
        {
            return null;
        }

        var headerBlock = stored[..(separator + 2)];
        HeaderList headers;
        using (var stream = new MemoryStream(stored.Array!, stored.Offset, headerBlock.Count + 2, writable: false))
        {
            try
            {
                headers = HeaderList.Load(ParserOptions.Default, stream);
            }
            catch (FormatException)
            {
                return null;
            }
        }

        if (!WritesBack(headers, headerBlock))
        {
            return null;
        }

        return new MimeMessage(headers) { Body = new VerbatimBody(stored[(separator + 4)..], stored.Count, onBodyWrite) };
    }

    /// <summary>The size MailKit announces in MAIL FROM SIZE= (RFC 1870): the stored length.</summary>
    public static long? Size(MimeMessage message) => message.Body is VerbatimBody body ? body.MessageLength : null;

    /// <summary>
    /// 7-bit text with CRLF line ends and lines of at most 998 octets, no NUL, no line starting "From " and no 8bit or
    /// binary declaration: what MailKit's Prepare and newline filter leave untouched (MimePart.Prepare re-encodes
    /// only for NUL, 8-bit octets, long lines or "From " lines).
    /// </summary>
    private static bool IsSentUnchanged(ArraySegment<byte> stored)
    {
        var span = stored.AsSpan();
        if (span.IndexOfAnyInRange((byte)0x80, (byte)0xFF) >= 0 || span.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        var start = 0;
        while (start < span.Length)
        {
            var rest = span[start..];
            var lf = rest.IndexOf((byte)'\n');
            var line = lf < 0 ? rest : rest[..lf];
            if (lf >= 0 && (lf == 0 || line[^1] != '\r'))
            {
                return false;
            }

            var length = lf < 0 ? line.Length : line.Length - 1;
            if (length > MaxLineLength || line.StartsWith("From "u8) || (line.IndexOf((byte)'\r') is var cr && cr >= 0 && cr < length))
            {
                return false;
            }

            start += lf < 0 ? rest.Length : lf + 1;
        }

        var chars = ArrayPool<char>.Shared.Rent(span.Length);
        try
        {
            var count = System.Text.Encoding.ASCII.GetChars(span, chars);
            return chars.AsSpan(0, count).IndexOfAny(EightBitEncodings) < 0;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
    }

    /// <summary>MimeMessage writes each header as RawField ':' RawValue; check that this gives the stored block back.</summary>
    private static bool WritesBack(HeaderList headers, ReadOnlySpan<byte> block)
    {
        var offset = 0;
        foreach (var header in headers)
        {
            var field = header.RawField;
            var value = header.RawValue;
            if (value is null || offset + field.Length + 1 + value.Length > block.Length
                || !block.Slice(offset, field.Length).SequenceEqual(field) || block[offset + field.Length] != ':'
                || !block.Slice(offset + field.Length + 1, value.Length).SequenceEqual(value))
            {
                return false;
            }

            offset += field.Length + 1 + value.Length;
        }

        return offset == block.Length;
    }

    /// <summary>The body bytes, written as they are (MailKit's SmtpDataFilter still dot-stuffs them on the way).</summary>
    private sealed class VerbatimBody : MimeEntity
    {
        private static readonly byte[] Crlf = "\r\n"u8.ToArray();
        private readonly ArraySegment<byte> _body;
        private readonly Action _onWrite;

        public VerbatimBody(ArraySegment<byte> body, long messageLength, Action onWrite)
            : base(new ContentType("application", "octet-stream"))
        {
            // The stored header block already holds the body's headers; this entity writes none of its own.
            Headers.Clear();
            _body = body;
            _onWrite = onWrite;
            MessageLength = messageLength;
        }

        public long MessageLength { get; }

        // A MimeMessage built in code (strict compliance) always has its body end with a newline, as the full parse did.
        private bool EndsWithNewLine => _body.Count == 0 || _body.AsSpan().EndsWith("\r\n"u8);

        public override void Prepare(EncodingConstraint constraint, int maxLineLength = 78)
        {
        }

        public override void WriteTo(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(stream);
            _onWrite();
            stream.Write(_body.Array!, _body.Offset, _body.Count);
            if (!EndsWithNewLine)
            {
                stream.Write(Crlf, 0, Crlf.Length);
            }
        }

        public override async Task WriteToAsync(FormatOptions options, Stream stream, bool contentOnly, CancellationToken cancellationToken = default)
        {
            ArgumentNullException.ThrowIfNull(stream);
            _onWrite();
            // The array overloads: MimeKit's FilteredStream overrides those, and the Memory ones would copy first.
            await stream.WriteAsync(_body.Array!, _body.Offset, _body.Count, cancellationToken);
            if (!EndsWithNewLine)
            {
                await stream.WriteAsync(Crlf, 0, Crlf.Length, cancellationToken);
            }
        }
    }
}
