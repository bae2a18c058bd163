using System.Text;
using System.Text.RegularExpressions;

namespace PanelBot.Tests.Scheduling;

/// <summary>Reads the Subject of a composed message back, decoding RFC 2047 encoded words (B encoding, as the writer uses).</summary>
public static partial class MailHeaders
{
    public static string Subject(byte[] mime)
    {
        var text = Encoding.UTF8.GetString(mime);
        var header = HeaderPattern().Match(text);
        Assert.True(header.Success, "The message has no Subject header.");
        var value = header.Groups[1].Value.Replace("\r\n", "");
        return EncodedWord().Replace(value, m => Encoding.UTF8.GetString(Convert.FromBase64String(m.Groups[1].Value)))
            .Replace("?= =?", "").Trim();
    }

    /// <summary>The decoded text/plain body.</summary>
    public static string Text(byte[] mime)
    {
        using var stream = new MemoryStream(mime);
        return MimeKit.MimeMessage.Load(stream).TextBody ?? "";
    }

    [GeneratedRegex(@"(?m)^Subject: (.*(?:\r\n[ \t].*)*)")]
    private static partial Regex HeaderPattern();

    [GeneratedRegex(@"=\?UTF-8\?B\?([^?]*)\?=\s*", RegexOptions.IgnoreCase)]
    private static partial Regex EncodedWord();
}
