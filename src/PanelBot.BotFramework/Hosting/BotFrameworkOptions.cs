namespace PanelBot.BotFramework;

/// <summary>
/// Bot settings. The four Microsoft* keys are read from the top level of configuration (as Azure Bot Service
/// templates name them), the rest from the <c>BotFramework</c> section.
/// </summary>
public sealed class BotFrameworkOptions
{
    public const string SectionName = "BotFramework";

    /// <summary>The Entra app (client) id of the Azure Bot. Empty means authentication is OFF (dev only).</summary>
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    public string? MicrosoftAppTenantId { get; set; }
    public MicrosoftAppType MicrosoftAppType { get; set; } = MicrosoftAppType.MultiTenant;

    /// <summary>SingleTenant with a certificate instead of a secret: a PFX file (and its password)...</summary>
    public string? MicrosoftAppCertificatePath { get; set; }
    public string? MicrosoftAppCertificatePassword { get; set; }

    /// <summary>...or the thumbprint of a certificate in the machine's store (App Service: WEBSITE_LOAD_CERTIFICATES).</summary>
    public string? MicrosoftAppCertificateThumbprint { get; set; }

    public bool HasCertificate =>
        !string.IsNullOrWhiteSpace(MicrosoftAppCertificatePath) || !string.IsNullOrWhiteSpace(MicrosoftAppCertificateThumbprint);

    /// <summary>Larger request bodies are answered with 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 256 * 1024;

    public string AbsOpenIdMetadataUrl { get; set; } = "https://login.botframework.com/v1/.well-known/openidconfiguration";
    public string EntraOpenIdMetadataUrl { get; set; } = "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration";

    /// <summary>
    /// App ids besides the bot's own whose Entra tokens (audience = the bot's app id) are accepted: other bots or
    /// services that call this bot as a skill. Empty by default; a token naming any other caller gets 401.
    /// </summary>
    public List<string> AllowedCallers { get; set; } = [];

    /// <summary>Host names (suffix match on a label boundary) trusted in addition to the built-in list.</summary>
    public List<string> TrustedServiceHosts { get; set; } = [];

    /// <summary>Require the ABS signing key to be endorsed for the activity's channel.</summary>
    public bool RequireEndorsements { get; set; } = true;

    /// <summary>Most attempts per connector request (first try included) on 429/412/502/503/504.</summary>
    public int ConnectorMaxAttempts { get; set; } = 4;

    public PlaygroundOptions Playground { get; set; } = new();

    public bool IsAuthenticationEnabled => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    public bool IsPlaygroundEnabled => Playground.Enabled ?? !IsAuthenticationEnabled;
}
