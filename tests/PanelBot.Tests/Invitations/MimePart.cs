using System.Text;

namespace PanelBot.Tests.Invitations;

/// <summary>A small strict MIME reader for our own messages: unfolded headers, decoded leaf bodies, children.</summary>
public sealed record MimePart(IReadOnlyList<(string Name, string Value)> Headers, byte[] Body, IReadOnlyList<MimePart> Children)
{
    public string? Header(string name) =>
        Headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).SingleOrDefault();

    public IReadOnlyList<string> AllHeaders(string name) =>
        Headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).ToList();

    public string MediaType => (Header("Content-Type") ?? "text/plain").Split(';')[0].Trim().ToLowerInvariant();

    public string? Parameter(string header, string name)
    {
        foreach (var part in (Header(header) ?? "").Split(';').Skip(1))
        {
            var eq = part.IndexOf('=');
            if (eq > 0 && part[..eq].Trim().Equals(name, StringComparison.OrdinalIgnoreCase)) return part[(eq + 1)..].Trim().Trim('"');
        }
        return null;
    }

    public string Text => Encoding.UTF8.GetString(Body);

    /// <summary>"multipart/mixed{multipart/alternative{text/plain,text/html,text/calendar},application/ics}".</summary>
    public string Shape => Children.Count == 0 ? MediaType : $"{MediaType}{{{string.Join(",", Children.Select(c => c.Shape))}}}";

    public IEnumerable<MimePart> Leaves => Children.Count == 0 ? [this] : Children.SelectMany(c => c.Leaves);

    public MimePart Leaf(string mediaType) => Leaves.Single(l => l.MediaType == mediaType);

    public static MimePart Parse(byte[] message)
    {
        var text = Encoding.Latin1.GetString(message);
        Assert.DoesNotContain(text.Replace("\r\n", ""), c => c is '\r' or '\n' or > '\x7f');
        return ParseEntity(text);
    }

    private static MimePart ParseEntity(string text)
    {
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split >= 0, "no blank line after the headers");
        var headers = new List<(string, string)>();
        foreach (var line in text[..split].Split("\r\n"))
        {
            if (line.Length > 0 && line[0] is ' ' or '\t') headers[^1] = (headers[^1].Item1, headers[^1].Item2 + line);
            else if (line.IndexOf(':') is var colon and > 0) headers.Add((line[..colon], line[(colon + 1)..].Trim()));
        }
        var body = text[(split + 4)..];
        var part = new MimePart(headers, [], []);
        if (part.MediaType.StartsWith("multipart/", StringComparison.Ordinal))
        {
            var delimiter = "--" + part.Parameter("Content-Type", "boundary");
            var close = body.LastIndexOf("\r\n" + delimiter + "--", StringComparison.Ordinal);
            var inner = body[(body.IndexOf(delimiter, StringComparison.Ordinal) + delimiter.Length + 2)..close];
            return part with { Children = inner.Split("\r\n" + delimiter + "\r\n").Select(ParseEntity).ToList() };
        }
        var encoding = part.Header("Content-Transfer-Encoding")?.ToLowerInvariant();
        var decoded = encoding == "base64"
            ? Convert.FromBase64String(string.Concat(body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)))
            : encoding == "quoted-printable" ? QuotedPrintable(body) : Encoding.Latin1.GetBytes(body);
        return part with { Body = decoded };
    }

    private static byte[] QuotedPrintable(string body)
    {
        var output = new List<byte>();
        var lines = body.Split("\r\n");
        for (var l = 0; l < lines.Length; l++)
        {
            var line = lines[l];
            var soft = line.EndsWith('=');
            if (soft) line = line[..^1];
            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] == '=') { output.Add(Convert.ToByte(line.Substring(i + 1, 2), 16)); i += 2; }
                else output.Add((byte)line[i]);
            }
            if (!soft && l < lines.Length - 1) output.AddRange("\r\n"u8.ToArray());
        }
        return [.. output];
    }
}

/// <summary>Reads the properties of the single VEVENT of our .ics (unfolded; parameters kept in the name).</summary>
public static class Ics
{
    public static IReadOnlyList<(string Name, string Value)> Lines(string ics) =>
        ics.Replace("\r\n ", "").Split("\r\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(l => (l[..IndexOfValue(l)], l[(IndexOfValue(l) + 1)..])).ToList();

    public static string Value(string ics, string property) =>
        Lines(ics).Where(l => l.Name.Split(';')[0] == property).Select(l => l.Value).Single();

    public static IReadOnlyList<string> Properties(string ics, string property) =>
        Lines(ics).Where(l => l.Name.Split(';')[0] == property).Select(l => l.Name + ":" + l.Value).ToList();

    // The first ':' outside a quoted parameter value.
    private static int IndexOfValue(string line)
    {
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            if (line[i] == '"') quoted = !quoted;
            else if (line[i] == ':' && !quoted) return i;
        }
        return line.Length;
    }
}
