using System.Text;

namespace PanelBot.Calendar;

/// <summary>
/// Accumulates content lines (RFC 5545 §3.1): <c>NAME;PARAM=..:value</c>, each ended by CRLF and folded so that no physical
/// line exceeds 75 octets of UTF-8. Folds are CRLF + one SPACE and fall between whole Unicode scalar values, so a
/// multi-byte sequence or surrogate pair is never split.
/// </summary>
public sealed class ContentLineWriter
{
    public const string LineBreak = "\r\n";
    public const int MaxLineOctets = 75;
    public const char FoldIndent = ' ';

    // An invitation with a VTIMEZONE and a description is 2-4 KB; growing from 16 chars copied it some eight times.
    private readonly StringBuilder _output = new(4096);

    /// <summary>Writes a line whose value is already in its final form (escaped TEXT, a URI, a date-time...).</summary>
    public ContentLineWriter WriteLine(string name, string value) => WriteLine(name, [], value);

    public ContentLineWriter WriteLine(string name, IReadOnlyList<IcsParameter> parameters, string value)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(value);
        IcsName.Validate(name);
        var texts = new string[parameters.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = parameters[i].ToString();
            RefuseControlCharacters(texts[i]);
        }

        RefuseControlCharacters(value);
        // The unfolded line is name;param...:value; it is folded as it is appended, without building it first.
        var octets = 0;
        AppendFolded(_output, name, ref octets);
        foreach (var text in texts)
        {
            AppendFolded(_output, ";", ref octets);
            AppendFolded(_output, text, ref octets);
        }

        AppendFolded(_output, ":", ref octets);
        AppendFolded(_output, value, ref octets);
        _output.Append(LineBreak);
        return this;
    }

    /// <summary>Appends lines written before by another writer (e.g. a VTIMEZONE kept from an earlier invitation).</summary>
    public ContentLineWriter WriteLines(string lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        if (lines.Length > 0 && !lines.EndsWith(LineBreak, StringComparison.Ordinal))
        {
            throw new ArgumentException("Lines written before end in CRLF.", nameof(lines));
        }

        _output.Append(lines);
        return this;
    }

    /// <summary>The lines so far; every line, including the last, ends in CRLF.</summary>
    public override string ToString() => _output.ToString();

    /// <summary>Folds one unfolded content line; the result has CRLF between physical lines and no trailing CRLF.</summary>
    public static string Fold(string line)
    {
        RefuseControlCharacters(line);
        var builder = new StringBuilder(line.Length + 8);
        var octets = 0;
        AppendFolded(builder, line, ref octets);
        return builder.ToString();
    }

    private static void RefuseControlCharacters(string text)
    {
        // A raw control character would end the line early in some parser and inject a property (RFC 5545 §3.1, §3.3.11).
        var span = text.AsSpan();
        if (span.IndexOfAnyInRange('\u0000', '\u0008') >= 0 || span.IndexOfAnyInRange('\u000A', '\u001F') >= 0
            || span.IndexOfAnyInRange('\u007F', '\u009F') >= 0)
        {
            throw new ArgumentException("A content line cannot contain CR, LF or other control characters; escape or sanitise the value.", nameof(text));
        }
    }

    /// <summary>
    /// Appends <paramref name="text"/> to a line that already holds <paramref name="octets"/> octets on its current
    /// physical line, folding before any scalar value that would pass <see cref="MaxLineOctets"/>.
    /// </summary>
    private static void AppendFolded(StringBuilder output, string text, ref int octets)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            // ASCII is one octet per char: copy as much as fits on this physical line at once.
            var ascii = rest.IndexOfAnyExceptInRange('\u0000', '\u007F');
            var run = ascii < 0 ? rest.Length : ascii;
            while (run > 0)
            {
                if (octets == MaxLineOctets)
                {
                    output.Append(LineBreak).Append(FoldIndent);
                    octets = 1;
                }

                var take = Math.Min(run, MaxLineOctets - octets);
                output.Append(rest[..take]);
                octets += take;
                rest = rest[take..];
                run -= take;
            }

            if (rest.IsEmpty)
            {
                break;
            }

            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                throw new ArgumentException("A content line cannot contain unpaired surrogates.", nameof(text));
            }

            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxLineOctets)
            {
                output.Append(LineBreak).Append(FoldIndent);
                octets = 1;
            }

            output.Append(rest[..consumed]);
            octets += size;
            rest = rest[consumed..];
        }
    }
}
