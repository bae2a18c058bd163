using System.Diagnostics.CodeAnalysis;

namespace PanelBot.Mail;

/// <summary>
/// A validated RFC 5321 mailbox (<c>local@domain</c>), restricted to the safe subset we send to:
/// dot-atom local part, LDH domain labels, ASCII only. Anything that could break out of a header
/// or an SMTP command (CR, LF, spaces, angle brackets, quotes) is rejected.
/// </summary>
public sealed record EmailAddress
{
    private EmailAddress(string value) => Value = value;

    public string Value { get; }

    public string LocalPart => Value[..Value.LastIndexOf('@')];

    public string Domain => Value[(Value.LastIndexOf('@') + 1)..];

    public static EmailAddress Parse(string value) =>
        TryParse(value, out var address) ? address : throw new FormatException($"Not a valid e-mail address: '{Printable(value)}'.");

    public static bool TryParse(string? value, [NotNullWhen(true)] out EmailAddress? address)
    {
        address = null;
        if (string.IsNullOrEmpty(value) || value.Length > 254)
        {
            return false;
        }

        var at = value.IndexOf('@');
        if (at <= 0 || at != value.LastIndexOf('@') || at > 64 || at == value.Length - 1)
        {
            return false;
        }

        if (!IsDotAtom(value.AsSpan(0, at)) || !IsDomain(value.AsSpan(at + 1)))
        {
            return false;
        }

        address = new EmailAddress(value);
        return true;
    }

    public override string ToString() => Value;

    private static bool IsDotAtom(ReadOnlySpan<char> local)
    {
        if (local[0] == '.' || local[^1] == '.')
        {
            return false;
        }

        for (var i = 0; i < local.Length; i++)
        {
            var c = local[i];
            if (c == '.')
            {
                if (local[i - 1] == '.')
                {
                    return false;
                }
            }
            else if (!IsAtext(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsDomain(ReadOnlySpan<char> domain)
    {
        if (domain.Length > 253)
        {
            return false;
        }

        foreach (var range in domain.Split('.'))
        {
            var label = domain[range];
            if (label.Length is 0 or > 63 || label[0] == '-' || label[^1] == '-')
            {
                return false;
            }

            foreach (var c in label)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c != '-')
                {
                    return false;
                }
            }
        }

        return true;
    }

    // RFC 5322 atext.
    private static bool IsAtext(char c) =>
        char.IsAsciiLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~".Contains(c);

    private static string Printable(string? value) =>
        value is null ? "(null)" : string.Concat(value.Take(80).Select(c => char.IsControl(c) ? '?' : c));
}
