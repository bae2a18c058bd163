using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PanelBot.BotFramework.Authentication;

/// <summary>
/// Validates the <c>Authorization</c> header of inbound requests (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication) in two steps: the token on its
/// own, then (once the body is read) the endorsement and <c>serviceurl</c> rules that need the activity.
/// Tokens are never logged.
/// </summary>
internal sealed class BotAuthenticator(
    IOptions<BotFrameworkOptions> options,
    OpenIdMetadata metadata,
    TimeProvider time,
    ILogger<BotAuthenticator> logger)
{
    private static readonly string[] AllowedAlgorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);

    private readonly JsonWebTokenHandler _handler = new() { MapInboundClaims = false };

    /// <summary>The caller, or null (answer 401) when the header is missing or the token is not acceptable.</summary>
    public async Task<BotCaller?> AuthenticateAsync(string? authorizationHeader, CancellationToken ct)
    {
        var o = options.Value;
        if (string.IsNullOrEmpty(authorizationHeader))
        {
            if (o.IsAuthenticationEnabled)
            {
                logger.LogWarning("Rejected request: no Authorization header");
                return null;
            }

            return BotCaller.Anonymous;
        }

        if (!o.IsAuthenticationEnabled)
        {
            // Without an app id there is no audience to check a token against, so a token can never pass.
            logger.LogWarning("Rejected request: Authorization header sent but no MicrosoftAppId is configured");
            return null;
        }

        var parts = authorizationHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !parts[0].Equals("Bearer", StringComparison.OrdinalIgnoreCase))
        {
            logger.LogWarning("Rejected request: Authorization header is not 'Bearer <token>'");
            return null;
        }

        var token = parts[1];
        string issuer;
        try
        {
            issuer = new JsonWebToken(token).Issuer;
        }
        catch (ArgumentException)
        {
            logger.LogWarning("Rejected request: bearer token is not a JWT");
            return null;
        }

        var entraIssuers = BotIssuers.EntraIssuers(o.MicrosoftAppTenantId);
        var (kind, metadataUrl, issuers) = issuer switch
        {
            BotIssuers.AbsIssuer => (BotTokenKind.Abs, o.AbsOpenIdMetadataUrl, new HashSet<string> { BotIssuers.AbsIssuer }),
            _ when entraIssuers.Contains(issuer) => (BotTokenKind.Entra, o.EntraOpenIdMetadataUrl, entraIssuers),
            _ => (BotTokenKind.Anonymous, null, null),
        };
        if (metadataUrl is null || issuers is null)
        {
            logger.LogWarning("Rejected request: token issuer {Issuer} is not accepted", issuer);
            return null;
        }

        var parameters = Parameters(kind, metadataUrl, issuers, o.MicrosoftAppId!);
        var result = await _handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid)
        {
            logger.LogWarning("Rejected request: {Kind} token failed validation: {Reason}",
                kind, result.Exception?.GetType().Name + ": " + result.Exception?.Message);
            return null;
        }

        var validated = (JsonWebToken)result.SecurityToken;
        string? entraCaller = null;
        if (kind == BotTokenKind.Entra)
        {
            var verdict = EntraCallerRules.Check(validated, o);
            if (verdict.Refusal is not null)
            {
                logger.LogWarning("Rejected request: Entra token refused: {Reason}", verdict.Refusal);
                return null;
            }

            entraCaller = verdict.Caller;
        }

        var keyId = validated.Kid ?? validated.SigningKey?.KeyId;
        return new BotCaller(result.ClaimsIdentity, kind, keyId, entraCaller);
    }

    /// <summary>The checks that need the activity; false means answer 401.</summary>
    public async Task<bool> AuthorizeActivityAsync(BotCaller caller, Activity activity, CancellationToken ct)
    {
        if (caller.Kind != BotTokenKind.Abs)
        {
            // Only ABS tokens bind a serviceurl and carry endorsed keys; outbound calls rely on the host allow-list.
            return true;
        }

        var o = options.Value;
        if (o.RequireEndorsements && !await IsEndorsedAsync(caller, activity, o.AbsOpenIdMetadataUrl, ct).ConfigureAwait(false))
        {
            return false;
        }

        if (!string.IsNullOrEmpty(activity.ServiceUrl))
        {
            var claim = caller.Identity.FindFirst("serviceurl")?.Value;
            if (claim is null || !SameServiceUrl(claim, activity.ServiceUrl))
            {
                logger.LogWarning("Rejected request: serviceurl claim does not match the activity's serviceUrl {ServiceUrl}", activity.ServiceUrl);
                return false;
            }
        }

        return true;
    }

    private async Task<bool> IsEndorsedAsync(BotCaller caller, Activity activity, string metadataUrl, CancellationToken ct)
    {
        if (caller.SigningKeyId is null)
        {
            logger.LogWarning("Rejected request: ABS token without a key id cannot be checked for endorsements");
            return false;
        }

        IReadOnlySet<string>? endorsements;
        try
        {
            endorsements = await metadata.EndorsementsAsync(metadataUrl, caller.SigningKeyId, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException or System.Text.Json.JsonException or InvalidOperationException)
        {
            logger.LogWarning(e, "Rejected request: could not load key endorsements");
            return false;
        }

        if (endorsements is null)
        {
            logger.LogWarning("Rejected request: signing key {KeyId} has no endorsements", caller.SigningKeyId);
            return false;
        }

        if (!string.IsNullOrEmpty(activity.ChannelId) && !endorsements.Contains(activity.ChannelId))
        {
            logger.LogWarning("Rejected request: signing key {KeyId} is not endorsed for channel {ChannelId} (endorsed: {Endorsements})",
                caller.SigningKeyId, activity.ChannelId, string.Join(",", endorsements));
            return false;
        }

        return true;
    }

    private TokenValidationParameters Parameters(BotTokenKind kind, string metadataUrl, HashSet<string> issuers, string appId) => new()
    {
        ConfigurationManager = metadata.ManagerFor(metadataUrl),
        ValidateIssuer = true,
        IssuerValidator = (issuer, _, _) => issuers.Contains(issuer)
            ? issuer
            : throw new SecurityTokenInvalidIssuerException("Issuer is not accepted."),
        ValidateAudience = true,
        ValidAudience = appId,
        AudienceValidator = kind == BotTokenKind.Entra ? (audiences, token, _) => IsEntraAudienceValid(audiences, token, appId) : null,
        ValidateLifetime = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        // IdentityModel's own check reads the machine's clock; lifetimes are judged by the app's clock instead,
        // the one every other expiry in the app uses.
        LifetimeValidator = (notBefore, expires, _, _) => IsWithinLifetime(notBefore, expires),
        RequireSignedTokens = true,
        ValidateIssuerSigningKey = true,
        ValidAlgorithms = AllowedAlgorithms,
    };

    /// <summary>RFC 7519 §4.1.4/§4.1.5: refused before <c>nbf</c> or after <c>exp</c>, each widened by the clock skew.</summary>
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires)
    {
        if (expires is null)
        {
            throw new SecurityTokenNoExpirationException("The token has no expiration time.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (notBefore is { } nbf && nbf.ToUniversalTime() > now + ClockSkew)
        {
            throw new SecurityTokenNotYetValidException($"The token is not valid before {nbf:O}.") { NotBefore = nbf };
        }

        if (expires.Value.ToUniversalTime() < now - ClockSkew)
        {
            throw new SecurityTokenExpiredException($"The token expired at {expires.Value:O}.") { Expires = expires.Value };
        }

        return true;
    }

    // Entra tokens: aud = app id; or, as the Emulator mints them with the bot's own credentials,
    // aud = api.botframework.com (EntraCallerRules then requires the caller to be the bot itself).
    private static bool IsEntraAudienceValid(IEnumerable<string> audiences, SecurityToken token, string appId) =>
        audiences.Any(a => string.Equals(a, appId, StringComparison.OrdinalIgnoreCase)
                           || string.Equals(a, BotIssuers.AbsAudience, StringComparison.OrdinalIgnoreCase));

    private static bool SameServiceUrl(string a, string b) =>
        string.Equals(a.TrimEnd('/'), b.TrimEnd('/'), StringComparison.OrdinalIgnoreCase)
        && Math.Abs(a.Length - b.Length) <= 1;
}
