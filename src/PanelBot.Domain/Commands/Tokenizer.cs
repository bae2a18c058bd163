using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace PanelBot.Domain.Commands;

/// <summary>
/// Splits a line into whitespace-separated words. Double quotes group words; inside quotes <c>\"</c> is a quote and <c>\\</c>
/// a backslash. Typographic quotes (“ ”) count as quotes because phones and Teams autocorrect them.
/// </summary>
public static class Tokenizer
{
    public static bool TryTokenize(string text, [NotNullWhen(true)] out IReadOnlyList<Token>? tokens, [NotNullWhen(false)] out ParseError? error)
    {
        var list = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            var word = new StringBuilder();
            var quoted = false;
            while (i < text.Length && !char.IsWhiteSpace(text[i]))
            {
                if (!IsOpeningQuote(text[i]))
                {
                    word.Append(text[i++]);
                    continue;
                }
                quoted = true;
                var quoteStart = i++;
                var closed = false;
                while (i < text.Length)
                {
                    var c = text[i];
                    if (c == '\\' && i + 1 < text.Length && text[i + 1] is '"' or '\\')
                    {
                        word.Append(text[i + 1]);
                        i += 2;
                    }
                    else if (IsClosingQuote(c))
                    {
                        i++;
                        closed = true;
                        break;
                    }
                    else
                    {
                        word.Append(c);
                        i++;
                    }
                }
                if (!closed)
                {
                    tokens = null;
                    var fragment = text[quoteStart..Math.Min(text.Length, quoteStart + 30)];
                    error = new ParseError(
                        $"The quote that starts at {fragment} is not closed. Add a closing \" after the value (write \\\" for a quote inside it).");
                    return false;
                }
            }
            list.Add(new Token(word.ToString(), quoted, start, i));
        }
        tokens = list;
        error = null;
        return true;
    }

    private static bool IsOpeningQuote(char c) => c is '"' or '\u201C' or '\u201D' or '\u201E';
    private static bool IsClosingQuote(char c) => c is '"' or '\u201C' or '\u201D';
}
