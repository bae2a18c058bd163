using Microsoft.IdentityModel.JsonWebTokens;

namespace PanelBot.BotFramework.Authentication;

/// <summary>
/// What an Entra-issued token must say about its caller once its signature, lifetime, issuer list and audience have
/// passed: botbuilder's Emulator path only takes the bot itself as caller, and its skill path refuses callers that no
/// allowed-callers list names ("ClaimsValidator is required for validation of Skill Host calls").
/// See https://learn.microsoft.com/entra/identity-platform/access-token-claims-reference for ver/appid/azp/tid.
/// </summary>
internal static class EntraCallerRules
{
    public readonly record struct Verdict(string? Caller, string? Refusal)
    {
        public static Verdict Refuse(string reason) => new(null, reason);
    }

    public static Verdict Check(JsonWebToken token, BotFrameworkOptions options)
    {
        var appId = options.MicrosoftAppId!.Trim();

        // v1.0 tokens: iss https://sts.windows.net/{tid}/ and the caller in appid;
        // v2.0 tokens: iss https://login.microsoftonline.com/{tid}/v2.0 and the caller in azp.
        var (callerClaim, issuerPrefix, issuerSuffix) = Claim(token, "ver") switch
        {
            "1.0" => ("appid", "https://sts.windows.net/", "/"),
            "2.0" => ("azp", "https://login.microsoftonline.com/", "/v2.0"),
            _ => (null, null, null),
        };
        if (callerClaim is null || issuerPrefix is null || issuerSuffix is null)
        {
            return Verdict.Refuse("the token has no 'ver' claim of 1.0 or 2.0");
        }

        var issuer = token.Issuer;
        if (!issuer.StartsWith(issuerPrefix, StringComparison.Ordinal) || !issuer.EndsWith(issuerSuffix, StringComparison.Ordinal)
            || issuer.Length <= issuerPrefix.Length + issuerSuffix.Length)
        {
            return Verdict.Refuse($"a version {Claim(token, "ver")} token cannot come from issuer {issuer}");
        }

        var issuerTenant = issuer[issuerPrefix.Length..^issuerSuffix.Length];
        var tenant = Claim(token, "tid");
        if (tenant is null || !string.Equals(tenant, issuerTenant, StringComparison.OrdinalIgnoreCase))
        {
            return Verdict.Refuse("the 'tid' claim is missing or is not the issuer's tenant");
        }

        if (options.MicrosoftAppType is MicrosoftAppType.SingleTenant or MicrosoftAppType.UserAssignedMSI
            && !string.Equals(tenant, options.MicrosoftAppTenantId?.Trim(), StringComparison.OrdinalIgnoreCase))
        {
            return Verdict.Refuse($"tenant {tenant} is not the bot's tenant");
        }

        var caller = Claim(token, callerClaim);
        if (string.IsNullOrWhiteSpace(caller))
        {
            return Verdict.Refuse($"the token has no '{callerClaim}' claim naming its caller");
        }

        var isSelf = string.Equals(caller, appId, StringComparison.OrdinalIgnoreCase);
        var forBot = token.Audiences.Any(a => string.Equals(a, appId, StringComparison.OrdinalIgnoreCase));
        if (!forBot)
        {
            // Audience https://api.botframework.com: only the Emulator, holding the bot's own credentials, mints these.
            return isSelf ? new Verdict(caller, null) : Verdict.Refuse($"caller {caller} may not use the Bot Framework audience");
        }

        if (!isSelf && !options.AllowedCallers.Contains(caller, StringComparer.OrdinalIgnoreCase))
        {
            return Verdict.Refuse($"caller {caller} is neither the bot nor listed in BotFramework:AllowedCallers");
        }

        return new Verdict(caller, null);
    }

    private static string? Claim(JsonWebToken token, string name) =>
        token.TryGetPayloadValue<string>(name, out var value) ? value : null;
}
