using System.Text;

namespace PanelBot.Calendar;

/// <summary>TEXT value escaping (RFC 5545 §3.3.11).</summary>
public static class IcsText
{
    /// <summary>
    /// Escapes <c>\</c> → <c>\\</c>, <c>;</c> → <c>\;</c>, <c>,</c> → <c>\,</c> and CRLF, CR or LF → <c>\n</c>.
    /// Colons are not escaped. Other characters pass through: sanitise first with <see cref="IcsSanitizer"/>.
    /// </summary>
    public static string Escape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length + 16);
        for (var i = 0; i < text.Length; i++)
        {
            switch (text[i])
            {
                case '\\': builder.Append(@"\\"); break;
                case ';': builder.Append(@"\;"); break;
                case ',': builder.Append(@"\,"); break;
                case '\r':
                    if (i + 1 < text.Length && text[i + 1] == '\n')
                    {
                        i++;
                    }

                    builder.Append(@"\n");
                    break;
                case '\n': builder.Append(@"\n"); break;
                default: builder.Append(text[i]); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Reverses <see cref="Escape"/> and is liberal on input: <c>\n</c> and <c>\N</c> become LF, <c>\:</c> becomes a colon,
    /// and an unknown escape or a trailing lone backslash is kept as written.
    /// </summary>
    public static string Unescape(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c != '\\' || i + 1 == text.Length)
            {
                builder.Append(c);
                continue;
            }

            var next = text[i + 1];
            switch (next)
            {
                case '\\' or ';' or ',' or ':': builder.Append(next); i++; break;
                case 'n' or 'N': builder.Append('\n'); i++; break;
                default: builder.Append(c); break;
            }
        }

        return builder.ToString();
    }

    /// <summary>Splits a multi-valued TEXT property (e.g. CATEGORIES) on unescaped commas and unescapes each part.</summary>
    public static IReadOnlyList<string> SplitList(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\')
            {
                i++;
            }
            else if (value[i] == ',')
            {
                parts.Add(Unescape(value[start..i]));
                start = i + 1;
            }
        }

        parts.Add(Unescape(value[start..]));
        return parts;
    }
}
