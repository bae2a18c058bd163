using System.Security.Claims;

namespace PanelBot.BotFramework.Authentication;

internal enum BotTokenKind
{
    Anonymous,

    /// <summary>Issued by api.botframework.com: endorsements and the serviceurl claim apply.</summary>
    Abs,

    /// <summary>Issued by Entra (Emulator with credentials, channels migrating to Entra tokens).</summary>
    Entra,
}

/// <summary>Who sent a request whose token (if any) passed signature, lifetime, issuer and audience checks.</summary>
internal sealed record BotCaller(ClaimsIdentity Identity, BotTokenKind Kind, string? SigningKeyId, string? EntraCaller = null)
{
    public static BotCaller Anonymous { get; } = new(new ClaimsIdentity(), BotTokenKind.Anonymous, null);

    /// <summary>The value for <see cref="Activity.CallerId"/>; never trusted from the wire.</summary>
    /// An allowed caller other than the bot itself is named as botbuilder names skill callers.
    public string? CallerId => Kind switch
    {
        BotTokenKind.Anonymous => null,
        BotTokenKind.Entra when EntraCaller is not null && !IsBot(EntraCaller) => "urn:botframework:aadappid:" + EntraCaller,
        _ => "urn:botframework:azure",
    };

    private bool IsBot(string caller) =>
        Identity.FindAll("aud").Any(a => string.Equals(a.Value, caller, StringComparison.OrdinalIgnoreCase))
        || Identity.FindAll("aud").Any(a => a.Value == BotIssuers.AbsAudience);
}
