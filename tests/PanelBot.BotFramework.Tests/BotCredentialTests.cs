using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PanelBot.BotFramework.Connector;
using PanelBot.BotFramework.Tests.Infrastructure;

namespace PanelBot.BotFramework.Tests;

/// <summary>The bot's own credential: a secret, a certificate (SingleTenant) or a user-assigned managed identity.</summary>
public sealed class BotCredentialTests
{
    private const string AppId = "5b6c7d8e-9f01-4a2b-8c3d-4e5f60718293";
    private const string Tenant = "7a1b2c3d-4e5f-4061-8273-94a5b6c7d8e9";

    private static BotFrameworkOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddLogging().AddBotFramework(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
    }

    [Fact]
    public void CredentialKind_FollowsTheSettings()
    {
        using var pfx = TemporaryPfx.Create();

        var secret = Resolve(new() { ["MicrosoftAppId"] = AppId, ["MicrosoftAppPassword"] = "pw" });
        var certificate = Resolve(new()
        {
            ["MicrosoftAppId"] = AppId, ["MicrosoftAppType"] = "SingleTenant", ["MicrosoftAppTenantId"] = Tenant,
            ["MicrosoftAppCertificatePath"] = pfx.Path, ["MicrosoftAppCertificatePassword"] = TemporaryPfx.Password,
        });
        var identity = Resolve(new() { ["MicrosoftAppId"] = AppId, ["MicrosoftAppType"] = "UserAssignedMSI", ["MicrosoftAppTenantId"] = Tenant });

        Assert.Equal(BotCredentialKind.Secret, MsalBotTokenProvider.KindFor(secret));
        Assert.Equal(BotCredentialKind.Certificate, MsalBotTokenProvider.KindFor(certificate));
        Assert.Equal(BotCredentialKind.ManagedIdentity, MsalBotTokenProvider.KindFor(identity));
        Assert.True(BotCertificate.Load(certificate).HasPrivateKey);
    }

    [Fact]
    public void Certificate_OnMultiTenantOrWithAPasswordOrMissing_StopsTheStart()
    {
        using var pfx = TemporaryPfx.Create();

        var multi = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["MicrosoftAppId"] = AppId, ["MicrosoftAppCertificatePath"] = pfx.Path,
        }));
        var both = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["MicrosoftAppId"] = AppId, ["MicrosoftAppType"] = "SingleTenant", ["MicrosoftAppTenantId"] = Tenant,
            ["MicrosoftAppCertificatePath"] = pfx.Path, ["MicrosoftAppPassword"] = "pw",
        }));
        var missing = Assert.Throws<OptionsValidationException>(() => Resolve(new()
        {
            ["MicrosoftAppId"] = AppId, ["MicrosoftAppType"] = "SingleTenant", ["MicrosoftAppTenantId"] = Tenant,
            ["MicrosoftAppCertificatePath"] = pfx.Path + ".gone",
        }));

        Assert.Contains(multi.Failures, f => f.Contains("needs MicrosoftAppType SingleTenant", StringComparison.Ordinal));
        Assert.Contains(both.Failures, f => f.Contains("not both", StringComparison.Ordinal));
        Assert.Contains(missing.Failures, f => f.Contains("does not exist", StringComparison.Ordinal));
    }

    /// <summary>
    /// On App Service, MSAL finds the identity endpoint in IDENTITY_ENDPOINT and proves itself with IDENTITY_HEADER;
    /// a local server stands in for it and checks the request (API version 2019-08-01, resource, client id, header).
    /// </summary>
    [Fact]
    public async Task UserAssignedMsi_AsksTheHostsIdentityEndpointForTheBotFrameworkResource()
    {
        await using var endpoint = await RecordingServer.StartAsync();
        endpoint.Enqueue(200, $$"""
            {"access_token":"msi-token","expires_on":"4102444800","resource":"https://api.botframework.com","token_type":"Bearer","client_id":"{{AppId}}"}
            """);
        var saved = (Environment.GetEnvironmentVariable("IDENTITY_ENDPOINT"), Environment.GetEnvironmentVariable("IDENTITY_HEADER"));
        Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", new Uri(endpoint.BaseAddress, "msi/token").AbsoluteUri);
        Environment.SetEnvironmentVariable("IDENTITY_HEADER", "host-secret");
        try
        {
            var options = Resolve(new() { ["MicrosoftAppId"] = AppId, ["MicrosoftAppType"] = "UserAssignedMSI", ["MicrosoftAppTenantId"] = Tenant });
            using var provider = new MsalBotTokenProvider(Options.Create(options));

            var token = await provider.GetAccessTokenAsync();

            Assert.Equal("msi-token", token);
            var request = Assert.Single(endpoint.Requests);
            Assert.Equal("GET", request.Method);
            Assert.StartsWith("/msi/token?", request.Path, StringComparison.Ordinal);
            Assert.Contains("api-version=2019-08-01", request.Path, StringComparison.Ordinal);
            Assert.Contains("resource=https://api.botframework.com", Uri.UnescapeDataString(request.Path), StringComparison.Ordinal);
            Assert.Contains("client_id=" + AppId, request.Path, StringComparison.Ordinal);
            Assert.Equal("host-secret", request.IdentityHeader);
        }
        finally
        {
            Environment.SetEnvironmentVariable("IDENTITY_ENDPOINT", saved.Item1);
            Environment.SetEnvironmentVariable("IDENTITY_HEADER", saved.Item2);
        }
    }

    private sealed class TemporaryPfx : IDisposable
    {
        public const string Password = "pfx-password";

        private TemporaryPfx(string path) => Path = path;

        public string Path { get; }

        public static TemporaryPfx Create()
        {
            using var rsa = RSA.Create(2048);
            var request = new CertificateRequest("CN=PanelBot test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddYears(200));
            var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"panelbot-{Guid.NewGuid():N}.pfx");
            File.WriteAllBytes(path, certificate.Export(X509ContentType.Pfx, Password));
            return new TemporaryPfx(path);
        }

        public void Dispose() => File.Delete(Path);
    }
}
