using System.Buffers;
using System.Text;

namespace PanelBot.Calendar;

/// <summary>
/// Cleans user text before it is escaped, so no input can inject content lines (RFC 5545 §3.1: a line break starts a new content line).
/// Steps, in order:
/// <list type="number">
/// <item>Line breaks — CRLF, lone CR, LF, NEL (U+0085), LINE SEPARATOR (U+2028), PARAGRAPH SEPARATOR (U+2029) — each become
/// one LF in <see cref="MultiLine"/> (escaped later as <c>\n</c>) and one SPACE in <see cref="SingleLine"/> and
/// <see cref="ParameterValue"/>.</item>
/// <item>Removed: C0 controls U+0000–U+001F except TAB, DEL U+007F, C1 controls U+0080–U+009F, bidi embeddings and overrides
/// U+202A–U+202E, bidi isolates U+2066–U+2069, Unicode noncharacters (U+FDD0–U+FDEF and every U+xxFFFE/U+xxFFFF), and
/// unpaired surrogates (they cannot be encoded as UTF-8).
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
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            var status = Rune.DecodeFromUtf16(rest, out var rune, out var consumed);
            if (rest[0] == '\r' && rest.Length > 1 && rest[1] == '\n')
            {
                consumed = 2;
            }

            rest = rest[consumed..];
            if (status != OperationStatus.Done)
            {
                continue; // unpaired surrogate
            }

            if (rune.Value is '\r' or '\n' or '\u0085' or '\u2028' or '\u2029')
            {
                builder.Append(lineBreak);
            }
            else if (!IsRemoved(rune) && !(dropQuotes && rune.Value == '"'))
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>True for characters the sanitiser deletes (line breaks and DQUOTE are handled separately).</summary>
    public static bool IsRemoved(Rune rune) =>
        (Rune.IsControl(rune) && rune.Value != '\t')
        || rune.Value is >= 0x202A and <= 0x202E
        || rune.Value is >= 0x2066 and <= 0x2069
        || IsNoncharacter(rune.Value);

    // "Not for interchange" (Unicode ch. 23.7); .NET's NFC even throws on U+FFFE.
    private static bool IsNoncharacter(int value) => value is >= 0xFDD0 and <= 0xFDEF || (value & 0xFFFE) == 0xFFFE;
}
