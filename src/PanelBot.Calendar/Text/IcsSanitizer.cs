using System.Globalization;
using System.Text;

namespace PanelBot.Calendar;

/// <summary>
/// Cleans user text before it is escaped, so no input can inject content lines (interop brief §2.9).
/// Steps, in order:
/// <list type="number">
/// <item>Line breaks — CRLF, lone CR, LF, NEL (U+0085), LINE SEPARATOR (U+2028), PARAGRAPH SEPARATOR (U+2029) — each become
/// one LF in <see cref="MultiLine"/> (escaped later as <c>\n</c>) and one SPACE in <see cref="SingleLine"/> and
/// <see cref="ParameterValue"/>.</item>
/// <item>Removed: C0 controls U+0000–U+001F except TAB, DEL U+007F, C1 controls U+0080–U+009F, bidi embeddings and overrides
/// U+202A–U+202E, bidi isolates U+2066–U+2069, and unpaired surrogates (they cannot be encoded as UTF-8).
/// TAB is kept; ordinary right-to-left letters and marks (e.g. U+200F) are kept.</item>
/// <item><see cref="ParameterValue"/> also removes DQUOTE, which a parameter value can never contain.</item>
/// <item>Unicode normalisation form C.</item>
/// </list>
/// Lengths are not capped: callers that want limits apply them before writing.
/// </summary>
public static class IcsSanitizer
{
    /// <summary>For DESCRIPTION: line breaks are kept as LF.</summary>
    public static string MultiLine(string text) => Clean(text, lineBreak: '\n', dropQuotes: false);

    /// <summary>For SUMMARY, LOCATION, CATEGORIES, alarm text: line breaks become a space.</summary>
    public static string SingleLine(string text) => Clean(text, lineBreak: ' ', dropQuotes: false);

    /// <summary>For parameter values such as CN: single line, and DQUOTE removed.</summary>
    public static string ParameterValue(string text) => Clean(text, lineBreak: ' ', dropQuotes: true);

    private static string Clean(string text, char lineBreak, bool dropQuotes)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                builder.Append(lineBreak);
            }
            else if (c is '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                builder.Append(lineBreak);
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (!IsRemoved(c) && !(dropQuotes && c == '"'))
            {
                builder.Append(c);
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>True for characters the sanitiser deletes (not counting line breaks and DQUOTE).</summary>
    public static bool IsRemoved(char c) =>
        (char.IsControl(c) && c != '\t')
        || c is >= '\u202A' and <= '\u202E'
        || c is >= '\u2066' and <= '\u2069'
        || char.IsSurrogate(c);
}
