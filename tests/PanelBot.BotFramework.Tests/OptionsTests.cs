using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace PanelBot.BotFramework.Tests;

public sealed class OptionsTests
{
    private static BotFrameworkOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddBotFramework(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
    }

    [Fact]
    public void Bind_TopLevelAppKeysAndSection_AreRead()
    {
        var options = Resolve(new()
        {
            ["MicrosoftAppId"] = "id", ["MicrosoftAppPassword"] = "pw", ["MicrosoftAppTenantId"] = "tid",
            ["MicrosoftAppType"] = "singletenant", ["BotFramework:MaxRequestBodyBytes"] = "1000",
            ["BotFramework:TrustedServiceHosts:0"] = "example.org", ["BotFramework:RequireEndorsements"] = "false",
        });

        Assert.Equal(("id", "pw", "tid", MicrosoftAppType.SingleTenant), (options.MicrosoftAppId, options.MicrosoftAppPassword, options.MicrosoftAppTenantId, options.MicrosoftAppType));
        Assert.Equal(1000, options.MaxRequestBodyBytes);
        Assert.Equal(["example.org"], options.TrustedServiceHosts);
        Assert.False(options.RequireEndorsements);
        Assert.False(options.IsPlaygroundEnabled);
    }

    [Fact]
    public void Defaults_WithoutAppId_AuthOffPlaygroundOn()
    {
        var options = Resolve([]);

        Assert.False(options.IsAuthenticationEnabled);
        Assert.True(options.IsPlaygroundEnabled);
        Assert.Equal(256 * 1024, options.MaxRequestBodyBytes);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.AbsOpenIdMetadataUrl);
        Assert.True(options.RequireEndorsements);
    }

    [Fact]
    public void Validate_SingleTenantWithoutTenantAndNoPassword_ReportsBoth()
    {
        var error = Assert.Throws<OptionsValidationException>(() =>
            Resolve(new() { ["MicrosoftAppId"] = "id", ["MicrosoftAppType"] = "SingleTenant" }));

        Assert.Equal(2, error.Failures.Count());
    }

    [Fact]
    public void Bind_UnknownAppType_Fails()
    {
        Assert.Throws<OptionsValidationException>(() =>
            Resolve(new() { ["MicrosoftAppId"] = "id", ["MicrosoftAppPassword"] = "pw", ["MicrosoftAppType"] = "Federated" }));
    }

    [Fact]
    public void Bind_UserAssignedMsiWithTenantAndNoPassword_IsValid()
    {
        var options = Resolve(new()
        {
            ["MicrosoftAppId"] = "id", ["MicrosoftAppTenantId"] = "tid", ["MicrosoftAppType"] = "UserAssignedMSI",
        });

        Assert.Equal(MicrosoftAppType.UserAssignedMSI, options.MicrosoftAppType);
    }

    [Fact]
    public void Validate_UserAssignedMsiWithPasswordAndNoTenant_ReportsBoth()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["MicrosoftAppId"] = "id", ["MicrosoftAppPassword"] = "pw", ["MicrosoftAppType"] = "UserAssignedMSI",
        }));

        Assert.Contains(error.Failures, f => f.Contains("MicrosoftAppPassword must be empty", StringComparison.Ordinal));
        Assert.Contains(error.Failures, f => f.Contains("MicrosoftAppTenantId is required", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("some-app")]
    public void Validate_AllowedCallerThatIsNotAnAppId_Fails(string caller)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["MicrosoftAppId"] = "id", ["MicrosoftAppPassword"] = "pw", ["BotFramework:AllowedCallers:0"] = caller,
        }));

        Assert.Contains(error.Failures, f => f.Contains("AllowedCallers", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_PlaygroundOnWithAppId_Fails()
    {
        var error = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["MicrosoftAppId"] = "id", ["MicrosoftAppPassword"] = "pw", ["BotFramework:Playground:Enabled"] = "true",
        }));

        Assert.Contains(error.Failures, f => f.Contains("Playground", StringComparison.Ordinal));
    }
}
