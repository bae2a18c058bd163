using System.Text;

namespace PanelBot.Mail;

/// <summary>
/// Makes user text safe for a single header line. Line breaks become spaces so words stay apart;
/// every other control character and the bidi overrides are dropped (they can disguise the
/// sender or subject). The result never contains CR or LF, which is what prevents header injection.
/// </summary>
public static class HeaderText
{
    public static string Sanitize(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else if (c == '\r' && i + 1 < value.Length && value[i + 1] == '\n')
            {
                builder.Append(' ');
                i++;
            }
            else if (c is '\r' or '\n' or '\t' or '\u0085' or '\u2028' or '\u2029')
            {
                builder.Append(' ');
            }
            else if (!IsDropped(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC).Trim(' ');
    }

    private static bool IsDropped(char c) =>
        c < 0x20 || c is >= '\u007F' and <= '\u009F' || c is >= '\u202A' and <= '\u202E' || c is >= '\u2066' and <= '\u2069';
}
