using System.Globalization;
using PanelBot.Domain.Events;

namespace PanelBot.Domain.Commands;

/// <summary>Reads tokens of one command line left to right; failures throw <see cref="ParseFailure"/>, caught by the parser.</summary>
internal sealed class TokenCursor(string line, IReadOnlyList<Token> tokens)
{
    private int _index;

    public string Line => line;
    public bool AtEnd => _index >= tokens.Count;
    public Token? Peek => AtEnd ? null : tokens[_index];
    public int Remaining => tokens.Count - _index;

    public Token Next(string whatIsMissing) =>
        AtEnd ? throw new ParseFailure(whatIsMissing) : tokens[_index++];

    public bool TryKeyword(params string[] words)
    {
        if (Peek is { Quoted: false } t && words.Contains(t.Text, StringComparer.OrdinalIgnoreCase))
        {
            _index++;
            return true;
        }
        return false;
    }

    /// <summary>Everything after the current position as typed, or the single quoted value when the rest is one quoted token.</summary>
    public string Rest()
    {
        if (AtEnd)
        {
            return "";
        }

        if (Remaining == 1 && tokens[_index].Quoted)
        {
            return tokens[_index++].Text;
        }

        var raw = line[tokens[_index].Start..].Trim();
        _index = tokens.Count;
        return raw;
    }

    public IReadOnlyList<Token> TakeAll()
    {
        var rest = tokens.Skip(_index).ToList();
        _index = tokens.Count;
        return rest;
    }

    public void ExpectEnd(string usage)
    {
        if (!AtEnd)
        {
            throw new ParseFailure($"I did not expect '{Peek!.Text}' there. Usage: {usage}");
        }
    }

    public EventRef EventRef(string usage)
    {
        var token = Next($"Which event? Give its number, for example: {usage} (type events to see the numbers).");
        var text = token.Text.Trim();
        var digits = text.StartsWith('#') ? text[1..] : text;
        if (digits.Length > 0 && digits.All(char.IsAsciiDigit))
        {
            if (int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
            {
                return Commands.EventRef.ForNumber(number);
            }
        }
        else if (!token.Quoted && EventSlug.IsSlugLike(text))
        {
            return Commands.EventRef.ForSlug(text);
        }

        throw new ParseFailure($"'{text}' is not an event reference. Use its number like #12 (type events to see them). Usage: {usage}");
    }

    public UserRef User(string usage)
    {
        var token = Next($"Who? Mention them (@name) or give their user id. Usage: {usage}");
        var text = token.Text.Trim();
        if (text.StartsWith("<at>", StringComparison.OrdinalIgnoreCase))
        {
            // Teams puts mentions in the text as <at>Name</at>; a name with spaces spans several tokens.
            var rest = token.Quoted ? text : text + (AtEnd ? "" : " " + string.Join(' ', TakeAll().Select(t => t.Text)));
            var end = rest.IndexOf("</at>", StringComparison.OrdinalIgnoreCase);
            if (end < 0)
            {
                throw new ParseFailure($"The mention {rest} is not closed with </at>. Mention the user again.");
            }

            var trailing = rest[(end + 5)..].Trim();
            if (trailing.Length > 0)
            {
                throw new ParseFailure($"I did not expect '{trailing}' after the mention. Usage: {usage}");
            }

            return new UserRef(rest[4..end].Trim(), IsMention: true);
        }
        if (text.StartsWith('@') && text.Length > 1)
        {
            return new UserRef(text[1..], IsMention: true);
        }

        if (text.Length == 0)
        {
            throw new ParseFailure($"Who? Mention them (@name) or give their user id. Usage: {usage}");
        }

        return new UserRef(text, IsMention: false);
    }
}

/// <summary>Internal control flow of the parser: it turns into a <see cref="ParseError"/> at the boundary and never escapes.</summary>
internal sealed class ParseFailure(string message, string? suggestion = null) : Exception(message)
{
    public string? Suggestion { get; } = suggestion;
}
