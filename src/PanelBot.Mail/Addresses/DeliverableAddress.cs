using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PanelBot.Mail;

/// <summary>
/// Decides at entry whether an address typed by a person (or given by Teams) can later be sent to, so that a bad
/// one is refused in the conversation instead of failing in a mail batch. Parsed with MimeKit, the parser the mail
/// path is built on, then held to what our SMTP path sends without SMTPUTF8 (RFC 6531): an ASCII local part and a
/// domain in ASCII, an internationalised domain being stored in its A-label form (RFC 5890, e.g. xn--mnchen-3ya.de),
/// which is what the SMTP path sends.
/// </summary>
public static class DeliverableAddress
{
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <summary>The address to store, or false when it could not be sent to.</summary>
    public static bool TryNormalise(string? text, [NotNullWhen(true)] out string? address)
    {
        address = null;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > 254)
        {
            return false;
        }

        // A bare addr-spec only: no display name, group, route or comment for MimeKit to be lenient about.
        if (trimmed.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '(' or ')' or ',' or ';' or ':' or '"' or '\\'))
        {
            return false;
        }

        if (!MimeKit.MailboxAddress.TryParse(trimmed, out var mailbox) || !string.IsNullOrEmpty(mailbox.Name) || mailbox.Route.Count > 0)
        {
            return false;
        }

        var parsed = mailbox.Address;
        var at = parsed.LastIndexOf('@');
        if (at <= 0 || at == parsed.Length - 1)
        {
            return false;
        }

        var local = parsed[..at];
        if (local.Any(c => c > 0x7F))
        {
            return false;
        }

        string domain;
        try
        {
            domain = Idn.GetAscii(parsed[(at + 1)..]);
        }
        catch (ArgumentException)
        {
            return false;
        }

        if (!MailAddresses.TryParseAddress(local + "@" + domain, out var sendable))
        {
            return false;
        }

        address = sendable.GetAddress(idnEncode: true);
        return true;
    }
}
