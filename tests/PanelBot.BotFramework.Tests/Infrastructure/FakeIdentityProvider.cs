using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PanelBot.BotFramework.Tests.Infrastructure;

/// <summary>
/// Serves ABS-like and Entra-like OpenID metadata and JWKS from a local Kestrel server, with locally generated
/// RSA keys, and mints tokens with them on its <see cref="Clock"/>, which the bot host under test must use too.
/// ABS key "abs-endorsed" is endorsed for msteams and webchat; "abs-bare" has no endorsements.
/// </summary>
public sealed class FakeIdentityProvider : IAsyncLifetime
{
    public const string AppId = "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9";
    public const string AbsIssuer = "https://api.botframework.com";
    public const string BotFrameworkTenant = "d6d49420-f39b-4df7-a1dc-d59a935871db";
    public const string EntraIssuer = "https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/";
    public const string EndorsedKid = "abs-endorsed";
    public const string BareKid = "abs-bare";
    public const string EntraKid = "entra-key";

    private readonly RSA _endorsed = RSA.Create(2048);
    private readonly RSA _bare = RSA.Create(2048);
    private readonly RSA _entra = RSA.Create(2048);
    private WebApplication? _app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The tests' "now", far from the machine's: a host that judged lifetimes by the wall clock would fail.</summary>
    public FakeTimeProvider Clock { get; } = TestClock.Create();
    public string AbsMetadataUrl => new Uri(BaseAddress, "abs/.well-known/openidconfiguration").AbsoluteUri;
    public string EntraMetadataUrl => new Uri(BaseAddress, "entra/v2.0/.well-known/openid-configuration").AbsoluteUri;

    public SecurityKey EndorsedKey => new RsaSecurityKey(_endorsed) { KeyId = EndorsedKid };
    public SecurityKey BareKey => new RsaSecurityKey(_bare) { KeyId = BareKid };
    public SecurityKey EntraKey => new RsaSecurityKey(_entra) { KeyId = EntraKid };

    /// <summary>Settings for a bot host with authentication on, pointed at this provider.</summary>
    public Dictionary<string, string?> BotSettings() => new()
    {
        ["MicrosoftAppId"] = AppId,
        ["MicrosoftAppPassword"] = "not-used-in-tests",
        ["BotFramework:AbsOpenIdMetadataUrl"] = AbsMetadataUrl,
        ["BotFramework:EntraOpenIdMetadataUrl"] = EntraMetadataUrl,
    };

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();

        _app.MapGet("/abs/.well-known/openidconfiguration", (HttpContext c) => Metadata(c, AbsIssuer, "abs/keys"));
        _app.MapGet("/abs/keys", () => Results.Content(Jwks(
            Jwk(_endorsed, EndorsedKid, ["msteams", "webchat"]),
            Jwk(_bare, BareKid, null)), "application/json"));
        _app.MapGet("/entra/v2.0/.well-known/openid-configuration",
            (HttpContext c) => Metadata(c, "https://login.microsoftonline.com/{tenantid}/v2.0", "entra/keys"));
        _app.MapGet("/entra/keys", () => Results.Content(Jwks(Jwk(_entra, EntraKid, null)), "application/json"));

        await _app.StartAsync();
        BaseAddress = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }

        _endorsed.Dispose();
        _bare.Dispose();
        _entra.Dispose();
    }

    /// <summary>A signed JWT; defaults describe a good ABS token for <paramref name="serviceUrl"/>.</summary>
    public string CreateToken(
        string? serviceUrl = "https://smba.trafficmanager.net/emea/",
        string issuer = AbsIssuer,
        string audience = AppId,
        SecurityKey? key = null,
        string algorithm = SecurityAlgorithms.RsaSha256,
        DateTime? expires = null,
        IDictionary<string, object>? extraClaims = null)
    {
        var expiry = expires ?? Clock.GetUtcNow().UtcDateTime.AddHours(1);
        var claims = new Dictionary<string, object>(extraClaims ?? new Dictionary<string, object>());
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddHours(-2),
            NotBefore = expiry.AddHours(-2),
            Expires = expiry,
            Claims = claims,
            SigningCredentials = new SigningCredentials(key ?? EndorsedKey, algorithm),
        };
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(descriptor);
    }

    /// <summary>
    /// An Entra access token as Entra shapes them: version 1.0 (iss sts.windows.net/{tid}/, caller in appid) or 2.0
    /// (iss login.microsoftonline.com/{tid}/v2.0, caller in azp), signed with the Entra key. A null caller leaves the
    /// caller claim out; <paramref name="issuer"/> overrides the issuer the version implies.
    /// </summary>
    public string CreateEntraToken(
        string version = "1.0",
        string tenant = BotFrameworkTenant,
        string? caller = AppId,
        string audience = AppId,
        string? issuer = null)
    {
        var claims = new Dictionary<string, object> { ["ver"] = version, ["tid"] = tenant };
        if (caller is not null)
        {
            claims[version == "1.0" ? "appid" : "azp"] = caller;
        }

        issuer ??= version == "1.0" ? $"https://sts.windows.net/{tenant}/" : $"https://login.microsoftonline.com/{tenant}/v2.0";
        return CreateToken(serviceUrl: null, issuer: issuer, audience: audience, key: EntraKey, extraClaims: claims);
    }

    /// <summary>A token with <c>alg: none</c> and no signature, otherwise valid.</summary>
    public string CreateUnsignedToken(string serviceUrl)
    {
        var now = Clock.GetUtcNow();
        var header = new JsonObject { ["alg"] = "none", ["typ"] = "JWT" };
        var payload = new JsonObject
        {
            ["iss"] = AbsIssuer, ["aud"] = AppId, ["serviceurl"] = serviceUrl,
            ["nbf"] = now.AddMinutes(-5).ToUnixTimeSeconds(), ["exp"] = now.AddHours(1).ToUnixTimeSeconds(),
        };
        return Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(header.ToJsonString())) + "."
            + Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(payload.ToJsonString())) + ".";
    }

    private static IResult Metadata(HttpContext context, string issuer, string keysPath)
    {
        var baseUrl = $"{context.Request.Scheme}://{context.Request.Host}/";
        var document = new JsonObject
        {
            ["issuer"] = issuer,
            ["jwks_uri"] = baseUrl + keysPath,
            ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        };
        return Results.Content(document.ToJsonString(), "application/json");
    }

    private static string Jwks(params JsonObject[] keys) => new JsonObject { ["keys"] = new JsonArray(keys) }.ToJsonString();

    private static JsonObject Jwk(RSA rsa, string kid, string[]? endorsements)
    {
        var parameters = rsa.ExportParameters(false);
        var jwk = new JsonObject
        {
            ["kty"] = "RSA", ["use"] = "sig", ["kid"] = kid,
            ["n"] = Base64UrlEncoder.Encode(parameters.Modulus), ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
        };
        if (endorsements is not null)
        {
            jwk["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)e).ToArray());
        }

        return jwk;
    }
}
