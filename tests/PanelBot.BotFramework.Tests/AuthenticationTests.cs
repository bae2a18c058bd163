using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;
using PanelBot.BotFramework.Tests.Infrastructure;

namespace PanelBot.BotFramework.Tests;

/// <summary>Inbound token validation through real HTTP (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication).</summary>
public sealed class AuthenticationTests(FakeIdentityProvider idp) : IClassFixture<FakeIdentityProvider>, IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await BotHost.StartAsync(idp.BotSettings(), services => services.AddSingleton<TimeProvider>(idp.Clock));

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_GoodAbsToken_Returns200AndRunsTurnWithIdentity()
    {
        var response = await _host.Client.PostActivityAsync(Http.TeamsMessage(), idp.CreateToken());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(_host.Bot.Received);
        Assert.Equal("urn:botframework:azure", received.CallerId);
    }

    [Fact]
    public async Task Post_ServiceUrlClaimDiffersOnlyByTrailingSlashAndCase_Returns200()
    {
        var token = idp.CreateToken(serviceUrl: "https://SMBA.trafficmanager.net/emea");

        var response = await _host.Client.PostActivityAsync(Http.TeamsMessage(), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_TokenExpiredWithinClockSkew_Returns200()
    {
        var token = idp.CreateToken(expires: idp.Clock.GetUtcNow().UtcDateTime.AddMinutes(-3));

        var response = await _host.Client.PostActivityAsync(Http.TeamsMessage(), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_TokenValidOnlyByTheAppsClock_Returns200()
    {
        // A century ahead: by the machine's clock this token is not valid yet, by the app's it is.
        var future = new FakeTimeProvider(idp.Clock.GetUtcNow().AddYears(100));
        await using var host = await BotHost.StartAsync(idp.BotSettings(), services => services.AddSingleton<TimeProvider>(future));
        var token = idp.CreateToken(expires: future.GetUtcNow().UtcDateTime.AddHours(1));

        var response = await host.Client.PostActivityAsync(Http.TeamsMessage(), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Bot.Received);
    }

    [Fact]
    public async Task Post_EntraTokenWithAppIdAudienceFromTheBotItself_Returns200()
    {
        var token = idp.CreateEntraToken(version: "1.0", caller: FakeIdentityProvider.AppId);

        var response = await _host.Client.PostActivityAsync(Http.TeamsMessage(), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_EmulatorStyleEntraTokenWithAppIdClaim_Returns200()
    {
        var token = idp.CreateToken(serviceUrl: null, issuer: FakeIdentityProvider.EntraIssuer, key: idp.EntraKey,
            audience: "https://api.botframework.com",
            extraClaims: new Dictionary<string, object>
            {
                ["appid"] = FakeIdentityProvider.AppId, ["ver"] = "1.0", ["tid"] = FakeIdentityProvider.BotFrameworkTenant,
            });

        var response = await _host.Client.PostActivityAsync(Http.TeamsMessage(channelId: "emulator"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public static TheoryData<string> RejectedTokens() =>
    [
        "expired-beyond-skew", "wrong-audience", "wrong-issuer", "unknown-key", "alg-none", "hs256",
        "serviceurl-mismatch", "serviceurl-missing", "key-without-endorsements", "entra-wrong-audience", "not-a-jwt",
    ];

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task Post_BadToken_Returns401AndBotNotInvoked(string vector)
    {
        var token = vector switch
        {
            "expired-beyond-skew" => idp.CreateToken(expires: idp.Clock.GetUtcNow().UtcDateTime.AddMinutes(-6)),
            "wrong-audience" => idp.CreateToken(audience: "11111111-2222-3333-4444-555555555555"),
            "wrong-issuer" => idp.CreateToken(issuer: "https://evil.example.com"),
            "unknown-key" => idp.CreateToken(key: new RsaSecurityKey(System.Security.Cryptography.RSA.Create(2048)) { KeyId = "stranger" }),
            "alg-none" => idp.CreateUnsignedToken(Http.TeamsServiceUrl),
            "hs256" => idp.CreateToken(key: new SymmetricSecurityKey(new byte[64]) { KeyId = FakeIdentityProvider.EndorsedKid },
                algorithm: SecurityAlgorithms.HmacSha256),
            "serviceurl-mismatch" => idp.CreateToken(serviceUrl: "https://attacker.example.com/"),
            "serviceurl-missing" => idp.CreateToken(serviceUrl: null),
            "key-without-endorsements" => idp.CreateToken(key: idp.BareKey),
            "entra-wrong-audience" => idp.CreateToken(serviceUrl: null, issuer: FakeIdentityProvider.EntraIssuer, key: idp.EntraKey,
                audience: "https://api.botframework.com"),
            "not-a-jwt" => "definitely-not-a-token",
            _ => throw new ArgumentOutOfRangeException(nameof(vector)),
        };

        var response = await _host.Client.PostActivityAsync(Http.TeamsMessage(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Bot.Received);
    }

    [Fact]
    public async Task Post_ChannelNotEndorsedForKey_Returns401()
    {
        var response = await _host.Client.PostActivityAsync(Http.TeamsMessage(channelId: "directline"), idp.CreateToken());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Bot.Received);
    }

    [Fact]
    public async Task Post_NoHeaderWithAppId_Returns401()
    {
        var response = await _host.Client.PostActivityAsync(Http.TeamsMessage());

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Bot.Received);
    }

    [Fact]
    public async Task Post_WireCallerId_IsReplacedByValidatedOne()
    {
        var activity = Http.TeamsMessage();
        activity["callerId"] = "urn:botframework:aadappid:spoofed";

        await _host.Client.PostActivityAsync(activity, idp.CreateToken());

        Assert.Equal("urn:botframework:azure", Assert.Single(_host.Bot.Received).CallerId);
    }
}
