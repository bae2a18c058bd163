namespace PanelBot.BotFramework.Authentication;

/// <summary>Token issuers a bot accepts (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication).</summary>
internal static class BotIssuers
{
    public const string AbsIssuer = "https://api.botframework.com";
    public const string AbsAudience = "https://api.botframework.com";

    // Bot Framework / Emulator / Agents tenants whose Entra tokens reach bots.
    private static readonly string[] EntraTenants =
    [
        "d6d49420-f39b-4df7-a1dc-d59a935871db",
        "f8cdef31-a31e-4b4a-93e4-5f571e91255a",
        "69e9b82d-4842-4902-8d1e-abc5b98a55e8",
    ];

    public static HashSet<string> EntraIssuers(string? botTenantId)
    {
        var tenants = EntraTenants.AsEnumerable();
        if (!string.IsNullOrWhiteSpace(botTenantId))
        {
            tenants = tenants.Append(botTenantId.Trim());
        }

        return tenants
            .SelectMany(t => new[] { $"https://sts.windows.net/{t}/", $"https://login.microsoftonline.com/{t}/v2.0" })
            .ToHashSet(StringComparer.Ordinal);
    }
}
