using System.Diagnostics.CodeAnalysis;
using MimeKit;

namespace PanelBot.Mail;

/// <summary>
/// Addresses we send to: parsed by MimeKit, then held to the plain subset every SMTP server takes without SMTPUTF8:
/// an ASCII dot-atom local part and an LDH domain (RFC 5321 §4.1.2), no name, route or quoting. An internationalised
/// domain is given in its A-label form (RFC 5890, <c>xn--mnchen-3ya.de</c>): MimeKit reads it back as Unicode, and MailKit
/// writes it as the A-label again in RCPT TO and the headers unless the server takes SMTPUTF8 (RFC 6531).
/// </summary>
public static class MailAddresses
{
    public static MailboxAddress Mailbox(string address, string? displayName = null)
    {
        if (!TryParseAddress(address, out var mailbox))
        {
            throw new FormatException($"Not a valid e-mail address: '{HeaderText.Sanitize(address)}'.");
        }

        var name = HeaderText.Sanitize(displayName);
        return name.Length == 0 ? mailbox : new MailboxAddress(name, mailbox.Address);
    }

    public static bool TryParseAddress(string? address, [NotNullWhen(true)] out MailboxAddress? mailbox)
    {
        mailbox = null;
        if (string.IsNullOrEmpty(address) || address.Length > 254 || !IsPlain(address)
            || !MailboxAddress.TryParse(ParserOptions.Default, address, out var parsed)
            || parsed.Route.Count > 0 || !string.Equals(parsed.GetAddress(idnEncode: true), address, StringComparison.Ordinal))
        {
            return false;
        }

        // Keep the A-label: MimeKit's parser decoded it, and MailKit would then write Unicode into RCPT TO even to a
        // server that does not offer SMTPUTF8.
        mailbox = new MailboxAddress(parsed.Name, address);
        return true;
    }

    private static bool IsPlain(string address)
    {
        var at = address.IndexOf('@');
        if (at is <= 0 or > 64 || at != address.LastIndexOf('@') || at == address.Length - 1)
        {
            return false;
        }

        var local = address[..at];
        var domain = address[(at + 1)..];
        return local.Split('.').All(atom => atom.Length > 0 && atom.All(IsAtext))
            && domain.Length <= 253
            && domain.Split('.').All(label => label.Length is > 0 and <= 63 && label[0] != '-' && label[^1] != '-'
                && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'));
    }

    // RFC 5322 §3.2.3 atext.
    private static bool IsAtext(char c) => char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~".Contains(c);
}
