namespace PanelBot.Features.Invitations;

/// <summary>A random key kept in the database (<c>app_secrets</c>), e.g. for feed tokens when none is configured.</summary>
public sealed class AppSecret
{
    public required string Name { get; set; }
    public required string Value { get; set; }
}
