namespace PanelBot.Tests.Support.Teams;

/// <summary>A Teams user as the connector knows them: MRI, AAD object id, address, and whether the app is installed.</summary>
public sealed record TeamsUser(string Name, string Email, bool AppInstalled)
{
    public string Id => "29:1" + Name.ToLowerInvariant();

    public string AadObjectId { get; } = Guid.NewGuid().ToString();

    /// <summary>Who the bot takes them to be in every conversation: Entra object id and tenant (the bot's UserKey).</summary>
    public string Key => $"aad:{FakeTeams.Tenant}:{AadObjectId}";

    /// <summary>The 1:1 chat between this user and the bot (Teams answers the same id when the bot creates it).</summary>
    public string PersonalConversationId => "a:1personal-" + Name.ToLowerInvariant();
}
