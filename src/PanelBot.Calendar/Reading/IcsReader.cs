using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace PanelBot.Calendar;

/// <summary>
/// A liberal content-line reader (RFC 5545 §3.1, read leniently as RFC 5546 replies from real clients arrive): accepts CRLF, LF or CR line ends, unfolds lines that start with SPACE or
/// TAB, skips blank lines, and splits name, parameters and value with a quote-aware scanner. It knows no components; callers
/// track BEGIN/END themselves.
/// </summary>
public static class IcsReader
{
    /// <summary>Physical lines joined into logical lines; the single leading SPACE/TAB of each continuation is removed.</summary>
    public static IReadOnlyList<string> Unfold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = new List<string>();
        StringBuilder? current = null;
        // A BOM is wrong on the wire but costs nothing to tolerate when reading.
        foreach (var physical in SplitLines(text.TrimStart('\uFEFF')))
        {
            if (physical.Length > 0 && physical[0] is ' ' or '\t' && current is not null)
            {
                current.Append(physical, 1, physical.Length - 1);
                continue;
            }

            if (current is not null && current.Length > 0)
            {
                lines.Add(current.ToString());
            }

            current = new StringBuilder(physical);
        }

        if (current is not null && current.Length > 0)
        {
            lines.Add(current.ToString());
        }

        return lines;
    }

    /// <summary>Unfolds and parses every line; false when any non-blank line is not a content line.</summary>
    public static bool TryReadAll(string text, [NotNullWhen(true)] out IReadOnlyList<IcsContentLine>? lines)
    {
        var result = new List<IcsContentLine>();
        foreach (var line in Unfold(text))
        {
            if (!TryParseLine(line, out var parsed))
            {
                lines = null;
                return false;
            }

            result.Add(parsed);
        }

        lines = result;
        return true;
    }

    /// <summary>Parses <c>name *(";" param) ":" value</c>; parameter values may be DQUOTEd and comma-separated lists.</summary>
    public static bool TryParseLine(string line, [NotNullWhen(true)] out IcsContentLine? contentLine)
    {
        contentLine = null;
        ArgumentNullException.ThrowIfNull(line);
        var position = ScanName(line, 0);
        if (position == 0 || position >= line.Length)
        {
            return false;
        }

        var name = line[..position].ToUpperInvariant();
        var parameters = new List<IcsParameter>();
        while (line[position] == ';')
        {
            var nameStart = position + 1;
            position = ScanName(line, nameStart);
            if (position == nameStart || position >= line.Length || line[position] != '=')
            {
                return false;
            }

            var parameterName = line[nameStart..position];
            do
            {
                position++;
                if (!TryScanParameterValue(line, ref position, out var value))
                {
                    return false;
                }

                parameters.Add(new IcsParameter(parameterName, value));
            }
            while (position < line.Length && line[position] == ',');

            if (position >= line.Length)
            {
                return false;
            }
        }

        if (line[position] != ':')
        {
            return false;
        }

        contentLine = new IcsContentLine(name, parameters, line[(position + 1)..]);
        return true;
    }

    private static int ScanName(string line, int start)
    {
        var position = start;
        while (position < line.Length && (char.IsAsciiLetterOrDigit(line[position]) || line[position] == '-'))
        {
            position++;
        }

        return position;
    }

    private static bool TryScanParameterValue(string line, ref int position, out string value)
    {
        value = "";
        if (position < line.Length && line[position] == '"')
        {
            var close = line.IndexOf('"', position + 1);
            if (close < 0)
            {
                return false;
            }

            value = line[(position + 1)..close];
            position = close + 1;
            return true;
        }

        var start = position;
        while (position < line.Length && line[position] is not (';' or ':' or ',' or '"'))
        {
            position++;
        }

        value = line[start..position];
        return position >= line.Length || line[position] != '"';
    }

    private static IEnumerable<string> SplitLines(string text)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '\r' or '\n')
            {
                yield return text[start..i];
                if (text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return text[start..];
        }
    }
}
