namespace PanelBot.Mail;

/// <summary>The EHLO keywords we act on (RFC 5321 §4.1.1.1 and the extension RFCs).</summary>
internal sealed record SmtpCapabilities(
    bool Pipelining,
    bool StartTls,
    IReadOnlySet<string> AuthMechanisms,
    long? MaxSize,
    bool EightBitMime,
    bool SmtpUtf8)
{
    public static SmtpCapabilities None { get; } = new(false, false, new HashSet<string>(), null, false, false);

    /// <summary>Reads the lines after the first ("250-host greets you") of an EHLO reply.</summary>
    public static SmtpCapabilities Parse(SmtpReply ehlo)
    {
        var pipelining = false;
        var startTls = false;
        var eightBit = false;
        var utf8 = false;
        long? size = null;
        var auth = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in ehlo.Lines.Skip(1))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (words.Length == 0)
            {
                continue;
            }

            switch (words[0].ToUpperInvariant())
            {
                case "PIPELINING": pipelining = true; break;
                case "STARTTLS": startTls = true; break;
                case "8BITMIME": eightBit = true; break;
                case "SMTPUTF8": utf8 = true; break;
                case "SIZE" when words.Length > 1 && long.TryParse(words[1], out var max) && max > 0: size = max; break;
                case "AUTH": auth.UnionWith(words.Skip(1)); break;
                default:
                    if (words[0].StartsWith("AUTH=", StringComparison.OrdinalIgnoreCase))
                    {
                        // Old Exchange/Outlook form: "AUTH=LOGIN PLAIN".
                        auth.Add(words[0][5..]);
                        auth.UnionWith(words.Skip(1));
                    }

                    break;
            }
        }

        return new SmtpCapabilities(pipelining, startTls, auth, size, eightBit, utf8);
    }
}
