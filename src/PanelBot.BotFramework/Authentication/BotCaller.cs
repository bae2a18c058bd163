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
internal sealed record BotCaller(ClaimsIdentity Identity, BotTokenKind Kind, string? SigningKeyId)
{
    public static BotCaller Anonymous { get; } = new(new ClaimsIdentity(), BotTokenKind.Anonymous, null);

    /// <summary>The value for <see cref="Activity.CallerId"/>; never trusted from the wire.</summary>
    public string? CallerId => Kind == BotTokenKind.Anonymous ? null : "urn:botframework:azure";
}
