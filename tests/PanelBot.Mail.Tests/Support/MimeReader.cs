using System.Text;

namespace PanelBot.Mail.Tests;

/// <summary>
/// A deliberately strict reader for our own output: fails on bare LF, on lines over 998 octets,
/// on non-ASCII bytes and on base64 lines longer than 76 characters.
/// </summary>
internal static class MimeReader
{
    public static ParsedEntity Parse(byte[] message)
    {
        var text = Encoding.Latin1.GetString(message);
        for (var i = 0; i < text.Length; i++)
        {
            Assert.True(text[i] < 0x80, $"non-ASCII byte at {i}");
            if (text[i] == '\n')
            {
                Assert.True(i > 0 && text[i - 1] == '\r', $"bare LF at {i}");
            }
            else if (text[i] == '\r')
            {
                Assert.True(i + 1 < text.Length && text[i + 1] == '\n', $"bare CR at {i}");
            }
        }

        Assert.All(text.Split("\r\n"), line => Assert.True(line.Length <= 998, "line longer than 998"));
        return ParseEntity(text, topLevel: true);
    }

    public static List<(string Name, string Value)> ParseHeaderBlock(string block)
    {
        var headers = new List<(string, string)>();
        foreach (var line in block.Split("\r\n"))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] is ' ' or '\t')
            {
                Assert.True(headers.Count > 0, "continuation line before any header");
                var (name, value) = headers[^1];
                headers[^1] = (name, value + line);
                continue;
            }

            var colon = line.IndexOf(':');
            Assert.True(colon > 0, $"header line without a colon: '{line}'");
            headers.Add((line[..colon], line[(colon + 1)..].TrimStart(' ', '\t')));
        }

        return headers;
    }

    public static string? Parameter(string? headerValue, string parameter)
    {
        if (headerValue is null)
        {
            return null;
        }

        foreach (var part in headerValue.Split(';').Skip(1))
        {
            var eq = part.IndexOf('=');
            if (eq > 0 && string.Equals(part[..eq].Trim(), parameter, StringComparison.OrdinalIgnoreCase))
            {
                return part[(eq + 1)..].Trim().Trim('"');
            }
        }

        return null;
    }

    private static ParsedEntity ParseEntity(string text, bool topLevel)
    {
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        Assert.True(split >= 0, "no blank line after headers");
        var headerBlock = text[..split];
        var body = text[(split + 4)..];
        var headers = ParseHeaderBlock(headerBlock);
        var contentType = headers.Where(h => h.Name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).SingleOrDefault() ?? "text/plain";
        if (contentType.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
        {
            var boundary = Parameter(contentType, "boundary")!;
            var delimiter = "--" + boundary;
            Assert.StartsWith(delimiter + "\r\n", body);
            var closeIndex = body.LastIndexOf("\r\n" + delimiter + "--", StringComparison.Ordinal);
            Assert.True(closeIndex > 0, "missing close delimiter");
            // Inside a parent multipart the CRLF after the close delimiter belongs to the parent's delimiter; one more
            // CRLF is an empty epilogue (RFC 2046 §5.1.1), which MimeKit writes.
            Assert.True(body.EndsWith(delimiter + "--\r\n", StringComparison.Ordinal) || body.EndsWith(delimiter + "--", StringComparison.Ordinal), "text after close delimiter");
            var inner = body[(delimiter.Length + 2)..(closeIndex)];
            var children = inner.Split("\r\n" + delimiter + "\r\n").Select(child => ParseEntity(child, topLevel: false)).ToList();
            return new ParsedEntity(headers, headerBlock, [], children);
        }

        var encoding = headers.Where(h => h.Name.Equals("Content-Transfer-Encoding", StringComparison.OrdinalIgnoreCase)).Select(h => h.Value.Trim()).SingleOrDefault();
        byte[] decoded = encoding?.ToLowerInvariant() switch
        {
            "base64" => DecodeBase64(body),
            "quoted-printable" => DecodeQuotedPrintable(topLevel && body.EndsWith("\r\n", StringComparison.Ordinal) ? body[..^2] : body),
            _ => Encoding.Latin1.GetBytes(body),
        };
        return new ParsedEntity(headers, headerBlock, decoded, []);
    }

    private static byte[] DecodeBase64(string body)
    {
        var lines = body.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines.SkipLast(1), line => Assert.Equal(76, line.Length));
        Assert.All(lines, line => Assert.True(line.Length <= 76));
        return Convert.FromBase64String(string.Concat(lines));
    }

    public static byte[] DecodeQuotedPrintable(string body)
    {
        var output = new List<byte>();
        var lines = body.Split("\r\n");
        for (var l = 0; l < lines.Length; l++)
        {
            var line = lines[l];
            Assert.True(line.Length <= 76, $"QP line of {line.Length}");
            Assert.False(line.EndsWith(' ') || line.EndsWith('\t'), "QP line with trailing whitespace");
            var soft = line.EndsWith('=');
            if (soft)
            {
                line = line[..^1];
            }

            for (var i = 0; i < line.Length; i++)
            {
                if (line[i] == '=')
                {
                    output.Add(Convert.ToByte(line.Substring(i + 1, 2), 16));
                    i += 2;
                }
                else
                {
                    output.Add((byte)line[i]);
                }
            }

            if (!soft && l < lines.Length - 1)
            {
                output.Add((byte)'\r');
                output.Add((byte)'\n');
            }
        }

        return [.. output];
    }
}
