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
