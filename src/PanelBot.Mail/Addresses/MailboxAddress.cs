namespace PanelBot.Mail;

/// <summary>An address with an optional display name, as written in From/To headers.</summary>
public sealed record MailboxAddress(EmailAddress Address, string? DisplayName = null)
{
    public static MailboxAddress Parse(string address, string? displayName = null) =>
        new(EmailAddress.Parse(address), displayName);
}
