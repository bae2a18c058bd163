using System.Text;

namespace PanelBot.Mail;

internal static class MimeText
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>UTF-8 without BOM, every line break as CRLF (SMTP forbids bare CR/LF in text).</summary>
    public static byte[] ToCrlfUtf8(string text)
    {
        var builder = new StringBuilder(text.Length + text.Length / 32);
        var start = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append("\r\n");
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else if (c == '\n')
            {
                builder.Append("\r\n");
            }
            else
            {
                builder.Append(c);
            }
        }

        return Utf8NoBom.GetBytes(builder.ToString());
    }

    /// <summary>Quoted-printable reads well for mostly-ASCII text; base64 is smaller for the rest.</summary>
    public static BodyEncoding ChooseEncoding(ReadOnlySpan<byte> utf8)
    {
        var high = 0;
        foreach (var b in utf8)
        {
            if (b >= 0x80)
            {
                high++;
            }
        }

        return high * 6 > utf8.Length ? BodyEncoding.Base64 : BodyEncoding.QuotedPrintable;
    }
}
