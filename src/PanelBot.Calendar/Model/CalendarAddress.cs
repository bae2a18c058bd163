using System.Net.Mail;

namespace PanelBot.Calendar;

/// <summary>
/// A calendar user written as <c>mailto:</c> URI, e.g. the ORGANIZER.
/// The e-mail address is validated because it is written verbatim into the URI; the common name is
/// sanitised on output (see <see cref="IcsSanitizer.ParameterValue"/>).
/// </summary>
public sealed record CalendarAddress
{
    public CalendarAddress(string email, string? commonName = null)
    {
        Email = MailtoAddress.Validate(email);
        CommonName = commonName;
    }

    /// <summary>The bare address (no <c>mailto:</c>).</summary>
    public string Email { get; }

    /// <summary>Display name written as the quoted <c>CN</c> parameter; omitted when null or empty after sanitising.</summary>
    public string? CommonName { get; init; }

    /// <summary>The property value: <c>mailto:</c> plus the address.</summary>
    public string ToMailtoUri() => "mailto:" + Email;
}

/// <summary>Rules for addresses that end up inside a <c>mailto:</c> value.</summary>
internal static class MailtoAddress
{
    // Anything here would break out of the URI or the content line (interop brief §2.9).
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
