using System.Text;
using System.Text.RegularExpressions;

namespace PanelBot.Mail.Tests;

/// <summary>RFC 2047 decoding, quoted-string unquoting and mailbox splitting for assertions.</summary>
internal static partial class HeaderDecoder
{
    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex WhitespaceBetweenWords();

    public static string DecodeUnstructured(string value)
    {
        // Whitespace between adjacent encoded-words is not part of the text (RFC 2047 §6.2).
        var joined = WhitespaceBetweenWords().Replace(value, "?==?");
        return EncodedWord().Replace(joined, match =>
        {
            Assert.Equal("UTF-8", match.Groups[1].Value, ignoreCase: true);
            // RFC 2047 §2 caps an encoded-word at 75 characters, but MimeKit 4.18 writes up to about 85 for
            // multi-byte text; decoders (MimeKit's, Thunderbird's, Outlook's) read them, so only the content is checked.
            var bytes = match.Groups[2].Value.ToUpperInvariant() == "B"
                ? Convert.FromBase64String(match.Groups[3].Value)
                : MimeReader.DecodeQuotedPrintable(match.Groups[3].Value.Replace('_', ' '));
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        });
    }

    /// <summary>Splits <c>display &lt;addr&gt;</c> (or a bare address) and decodes the display name.</summary>
    public static (string DisplayName, string Address) DecodeMailbox(string value)
    {
        value = value.Trim();
        var open = value.LastIndexOf('<');
        if (open < 0)
        {
            return ("", value);
        }

        Assert.EndsWith(">", value);
        var address = value[(open + 1)..^1];
        var phrase = value[..open].Trim();
        if (phrase.StartsWith('"'))
        {
            Assert.EndsWith("\"", phrase);
            var inner = phrase[1..^1];
            var builder = new StringBuilder();
            for (var i = 0; i < inner.Length; i++)
            {
                if (inner[i] == '\\')
                {
                    i++;
                }
                else
                {
                    Assert.NotEqual('"', inner[i]);
                }

                builder.Append(inner[i]);
            }

            return (builder.ToString(), address);
        }

        return (DecodeUnstructured(phrase), address);
    }
}
