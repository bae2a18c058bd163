using System.Buffers;
using System.Buffers.Text;
using System.Text;

namespace PanelBot.Mail;

/// <summary>Byte-level helpers for writing MIME into an <see cref="IBufferWriter{T}"/>.</summary>
internal static class MimeOutput
{
    private const int Base64LineBytes = 57; // 57 bytes -> 76 base64 characters

    public static void WriteAscii(this IBufferWriter<byte> output, string text)
    {
        var span = output.GetSpan(text.Length);
        var written = Encoding.ASCII.GetBytes(text, span);
        output.Advance(written);
    }

    public static void WriteAscii(this IBufferWriter<byte> output, StringBuilder text)
    {
        foreach (var chunk in text.GetChunks())
        {
            var span = output.GetSpan(chunk.Length);
            output.Advance(Encoding.ASCII.GetBytes(chunk.Span, span));
        }
    }

    public static void WriteCrlf(this IBufferWriter<byte> output)
    {
        var span = output.GetSpan(2);
        span[0] = (byte)'\r';
        span[1] = (byte)'\n';
        output.Advance(2);
    }

    public static void WriteBase64Lines(this IBufferWriter<byte> output, ReadOnlySpan<byte> data)
    {
        while (data.Length > 0)
        {
            var take = Math.Min(Base64LineBytes, data.Length);
            var span = output.GetSpan(80);
            Base64.EncodeToUtf8(data[..take], span, out _, out var written);
            span[written] = (byte)'\r';
            span[written + 1] = (byte)'\n';
            output.Advance(written + 2);
            data = data[take..];
        }
    }

    /// <summary>
    /// RFC 2045 §6.7 quoted-printable for text whose line breaks are already CRLF: line breaks stay
    /// hard breaks, soft breaks keep lines at 76 characters, trailing whitespace and a leading '.'
    /// are encoded (the latter so the text survives relays that mishandle dot-stuffing).
    /// </summary>
    public static void WriteQuotedPrintable(this IBufferWriter<byte> output, ReadOnlySpan<byte> text)
    {
        const string hex = "0123456789ABCDEF";
        var span = output.GetSpan(Math.Max(256, text.Length * 2));
        var pos = 0;
        var column = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (span.Length - pos < 8)
            {
                output.Advance(pos);
                span = output.GetSpan(Math.Max(256, (text.Length - i) * 2));
                pos = 0;
            }

            var b = text[i];
            if (b == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
            {
                span[pos++] = (byte)'\r';
                span[pos++] = (byte)'\n';
                column = 0;
                i++;
                continue;
            }

            var atLineEnd = i + 1 == text.Length || (text[i + 1] == '\r' && i + 2 < text.Length && text[i + 2] == '\n');
            var literal = (b is >= 33 and <= 126 && b != '=') || (b is (byte)' ' or (byte)'\t' && !atLineEnd);
            var size = literal ? 1 : 3;
            if (column + size > 75)
            {
                span[pos++] = (byte)'=';
                span[pos++] = (byte)'\r';
                span[pos++] = (byte)'\n';
                column = 0;
            }

            if (literal && b == '.' && column == 0)
            {
                literal = false;
                size = 3;
            }

            if (literal)
            {
                span[pos++] = b;
            }
            else
            {
                span[pos++] = (byte)'=';
                span[pos++] = (byte)hex[b >> 4];
                span[pos++] = (byte)hex[b & 0xF];
            }

            column += size;
        }

        output.Advance(pos);
    }
}
