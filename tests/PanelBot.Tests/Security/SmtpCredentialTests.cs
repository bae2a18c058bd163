using Microsoft.Extensions.Options;
using PanelBot.Features.Invitations;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Security;

/// <summary>SMTP credentials travel only inside TLS, unless the relay is on this machine.</summary>
public sealed class SmtpCredentialTests
{
    private static BotApp App(string host, string security, bool oauth = false) => new()
    {
        Settings =
        {
            ["Mail:Smtp:Host"] = host,
            ["Mail:Smtp:Security"] = security,
            ["Mail:Smtp:UserName"] = "events@contoso.example",
            ["Mail:Smtp:Password"] = oauth ? null : "hunter2",
            ["Mail:Smtp:UseOAuth"] = oauth ? "true" : "false",
            ["MicrosoftAppId"] = oauth ? "00000000-0000-0000-0000-0000000000b0" : "",
            ["MicrosoftAppPassword"] = oauth ? "secret" : "",
            ["MicrosoftAppTenantId"] = oauth ? "00000000-0000-0000-0000-0000000000c0" : "",
        },
    };

    [Theory]
    [InlineData("smtp.contoso.example", false)]
    [InlineData("192.0.2.25", false)]
    [InlineData("smtp.office365.com", true)]
    public void CredentialsWithoutTls_ToAnotherMachine_StopTheStart(string host, bool oauth)
    {
        using var app = App(host, "None", oauth);

        var error = Assert.Throws<OptionsValidationException>(() => app.Server);

        Assert.Contains(error.Failures, f => f.Contains("in clear text", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("localhost", "None")]
    [InlineData("127.0.0.1", "None")]
    [InlineData("::1", "None")]
    [InlineData("smtp.contoso.example", "StartTls")]
    [InlineData("smtp.contoso.example", "Tls")]
    public void CredentialsOverTlsOrToThisMachine_AreAccepted(string host, string security)
    {
        using var app = App(host, security);

        Assert.NotNull(app.Services.GetService(typeof(IOptions<MailOptions>)));
        Assert.NotNull(app.Server);
    }
}
