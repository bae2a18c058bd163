using System.Diagnostics.CodeAnalysis;
using MimeKit;

namespace PanelBot.Mail;

/// <summary>
/// Addresses we send to: parsed by MimeKit, then held to the plain subset every SMTP server takes without SMTPUTF8:
/// an ASCII dot-atom local part and an LDH domain (RFC 5321 §4.1.2), no name, route or quoting.
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
            || parsed.Route.Count > 0 || !string.Equals(parsed.Address, address, StringComparison.Ordinal))
        {
            return false;
        }

        mailbox = parsed;
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
