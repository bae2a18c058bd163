namespace PanelBot.Mail;

public sealed record GraphSendMailOptions
{
    /// <summary>Graph root; a sovereign cloud or a test fake can replace it.</summary>
    public Uri BaseUrl { get; init; } = new("https://graph.microsoft.com/");

    /// <summary>The mailbox (UPN or object id) to send as; null means the envelope sender.</summary>
    public string? SenderUserId { get; init; }
}
