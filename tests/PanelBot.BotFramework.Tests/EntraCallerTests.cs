using Microsoft.Extensions.DependencyInjection;
using System.Net;
using PanelBot.BotFramework.Tests.Infrastructure;

namespace PanelBot.BotFramework.Tests;

/// <summary>
/// Entra-issued tokens name their caller (v1 appid, v2 azp) and tenant; only the bot itself and configured allowed
/// callers get through, from the right tenant, with the issuer their version implies. Every forged token here is
/// signed with the fake Entra key, so only these rules can refuse it.
/// </summary>
public sealed class EntraCallerTests(FakeIdentityProvider idp) : IClassFixture<FakeIdentityProvider>
{
    private const string ForeignApp = "9a8b7c6d-5e4f-4321-8765-0fedcba98765";
    private const string AllowedSkill = "1e2d3c4b-5a69-4788-9766-554433221100";
    private const string BotTenant = "5f0c1e2d-3b4a-4c5d-8e6f-708192a3b4c5";
    private const string OtherTenant = "c0ffee00-1234-4abc-9def-000011112222";

    private Dictionary<string, string?> MultiTenant() => idp.BotSettings();

    private Dictionary<string, string?> SingleTenant()
    {
        var settings = idp.BotSettings();
        settings["MicrosoftAppType"] = "SingleTenant";
        settings["MicrosoftAppTenantId"] = BotTenant;
        return settings;
    }

    // The host judges token lifetimes by the clock the fake identity provider signs with.
    private Task<BotHost> StartAsync(IDictionary<string, string?> settings) =>
        BotHost.StartAsync(settings, services => services.AddSingleton<TimeProvider>(idp.Clock));

    public static TheoryData<string> ForgedOnMultiTenant() =>
    [
        "foreign-caller-v1", "foreign-caller-v2", "no-caller-claim-v1", "no-caller-claim-v2", "v1-with-v2-issuer",
        "v2-with-v1-issuer", "emulator-audience-foreign-caller", "no-version", "tid-differs-from-issuer",
    ];

    [Theory]
    [MemberData(nameof(ForgedOnMultiTenant))]
    public async Task Post_ForgedEntraToken_Returns401AndBotNotInvoked(string kind)
    {
        await using var host = await StartAsync(MultiTenant());
        var bf = FakeIdentityProvider.BotFrameworkTenant;
        var token = kind switch
        {
            "foreign-caller-v1" => idp.CreateEntraToken("1.0", caller: ForeignApp),
            "foreign-caller-v2" => idp.CreateEntraToken("2.0", caller: ForeignApp),
            "no-caller-claim-v1" => idp.CreateEntraToken("1.0", caller: null),
            "no-caller-claim-v2" => idp.CreateEntraToken("2.0", caller: null),
            "v1-with-v2-issuer" => idp.CreateEntraToken("1.0", issuer: $"https://login.microsoftonline.com/{bf}/v2.0"),
            "v2-with-v1-issuer" => idp.CreateEntraToken("2.0", issuer: $"https://sts.windows.net/{bf}/"),
            "emulator-audience-foreign-caller" => idp.CreateEntraToken("1.0", caller: ForeignApp, audience: "https://api.botframework.com"),
            "no-version" => idp.CreateToken(serviceUrl: null, issuer: FakeIdentityProvider.EntraIssuer, key: idp.EntraKey,
                extraClaims: new Dictionary<string, object> { ["appid"] = FakeIdentityProvider.AppId, ["tid"] = bf }),
            "tid-differs-from-issuer" => idp.CreateToken(serviceUrl: null, issuer: FakeIdentityProvider.EntraIssuer, key: idp.EntraKey,
                extraClaims: new Dictionary<string, object> { ["appid"] = FakeIdentityProvider.AppId, ["ver"] = "1.0", ["tid"] = OtherTenant }),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };

        var response = await host.Client.PostActivityAsync(Http.TeamsMessage(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Bot.Received);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task Post_TokenFromAnotherTenant_OnSingleTenantBot_Returns401(string version)
    {
        await using var host = await StartAsync(SingleTenant());

        // Issued by a Bot Framework tenant (an accepted issuer) for the bot itself, but not by the bot's tenant.
        var response = await host.Client.PostActivityAsync(Http.TeamsMessage(), idp.CreateEntraToken(version));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Bot.Received);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task Post_TokenFromBotTenantForItself_OnSingleTenantBot_Returns200(string version)
    {
        await using var host = await StartAsync(SingleTenant());

        var response = await host.Client.PostActivityAsync(Http.TeamsMessage(), idp.CreateEntraToken(version, tenant: BotTenant));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("urn:botframework:azure", Assert.Single(host.Bot.Received).CallerId);
    }

    [Theory]
    [InlineData("1.0")]
    [InlineData("2.0")]
    public async Task Post_AllowedCaller_Returns200WithSkillCallerId(string version)
    {
        var settings = MultiTenant();
        settings["BotFramework:AllowedCallers:0"] = AllowedSkill;
        await using var host = await StartAsync(settings);

        var response = await host.Client.PostActivityAsync(Http.TeamsMessage(), idp.CreateEntraToken(version, caller: AllowedSkill));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("urn:botframework:aadappid:" + AllowedSkill, Assert.Single(host.Bot.Received).CallerId);
    }

    [Fact]
    public async Task Post_AllowedCallerWithEmulatorAudience_Returns401()
    {
        var settings = MultiTenant();
        settings["BotFramework:AllowedCallers:0"] = AllowedSkill;
        await using var host = await StartAsync(settings);

        var token = idp.CreateEntraToken("2.0", caller: AllowedSkill, audience: "https://api.botframework.com");
        var response = await host.Client.PostActivityAsync(Http.TeamsMessage(), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
