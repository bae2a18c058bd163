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

    private readonly StringBuilder _output = new();

    /// <summary>Writes a line whose value is already in its final form (escaped TEXT, a URI, a date-time...).</summary>
    public ContentLineWriter WriteLine(string name, string value) => WriteLine(name, [], value);

    public ContentLineWriter WriteLine(string name, IReadOnlyList<IcsParameter> parameters, string value)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(value);
        var line = new StringBuilder(IcsName.Validate(name));
        foreach (var parameter in parameters)
        {
            line.Append(';').Append(parameter);
        }

        line.Append(':').Append(value);
        AppendFolded(_output, line.ToString());
        return this;
    }

    /// <summary>The lines so far; every line, including the last, ends in CRLF.</summary>
    public override string ToString() => _output.ToString();

    /// <summary>Folds one unfolded content line; the result has CRLF between physical lines and no trailing CRLF.</summary>
    public static string Fold(string line)
    {
        var builder = new StringBuilder(line.Length + 8);
        AppendFolded(builder, line);
        return builder.ToString(0, builder.Length - LineBreak.Length);
    }

    private static void AppendFolded(StringBuilder output, string line)
    {
        // A raw control character would end the line early in some parser and inject a property (brief §2.9).
        if (line.Any(c => char.IsControl(c) && c != '\t'))
        {
            throw new ArgumentException("A content line cannot contain CR, LF or other control characters; escape or sanitise the value.", nameof(line));
        }

        var octets = 0;
        var rest = line.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                throw new ArgumentException("A content line cannot contain unpaired surrogates.", nameof(line));
            }

            rest = rest[consumed..];
            var size = rune.Utf8SequenceLength;
            if (octets + size > MaxLineOctets)
            {
                output.Append(LineBreak).Append(FoldIndent);
                octets = 1;
            }

            output.Append(rune.ToString());
            octets += size;
        }

        output.Append(LineBreak);
    }
}
