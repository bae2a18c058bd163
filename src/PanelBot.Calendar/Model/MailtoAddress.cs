using System.Net.Mail;

namespace PanelBot.Calendar;

/// <summary>Rules for addresses that end up inside a <c>mailto:</c> value.</summary>
internal static class MailtoAddress
{
    // Anything here would break out of the URI or the content line (RFC 5545 §3.1 content lines, RFC 6068 mailto).
    private const string ForbiddenCharacters = "\"\\:;,<>()[] ";

    public static string Validate(string email)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        if (email.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || ForbiddenCharacters.Contains(c)))
        {
            throw new ArgumentException($"'{email}' contains characters not allowed in a mailto: address.", nameof(email));
        }

        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email || parsed.DisplayName.Length > 0)
        {
            throw new ArgumentException($"'{email}' is not a single plain e-mail address.", nameof(email));
        }

        return email;
    }
}
