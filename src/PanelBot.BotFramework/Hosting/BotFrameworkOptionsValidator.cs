using Microsoft.Extensions.Options;

namespace PanelBot.BotFramework.Hosting;

/// <summary>Reports every configuration mistake at start-up at once.</summary>
internal sealed class BotFrameworkOptionsValidator : IValidateOptions<BotFrameworkOptions>
{
    public ValidateOptionsResult Validate(string? name, BotFrameworkOptions options)
    {
        var failures = new List<string>();
        if (options.IsAuthenticationEnabled)
        {
            ValidateCredentials(options, failures);
            if (options.MicrosoftAppType is MicrosoftAppType.SingleTenant or MicrosoftAppType.UserAssignedMSI
                && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
            {
                failures.Add($"MicrosoftAppTenantId is required when MicrosoftAppType is {options.MicrosoftAppType}.");
            }

            if (options.IsPlaygroundEnabled)
            {
                // The playground's routes are unauthenticated and let a client pick any from.id.
                failures.Add("BotFramework:Playground:Enabled must not be true when MicrosoftAppId is set: the playground lets anyone act as any user.");
            }
        }

        foreach (var caller in options.AllowedCallers)
        {
            if (!Guid.TryParse(caller, out _))
            {
                failures.Add($"BotFramework:AllowedCallers must list app ids (GUIDs); '{caller}' is not one (a wildcard is not supported).");
            }
        }

        if (options.MaxRequestBodyBytes <= 0)
        {
            failures.Add("BotFramework:MaxRequestBodyBytes must be positive.");
        }

        if (options.ConnectorMaxAttempts is < 1 or > 10)
        {
            failures.Add("BotFramework:ConnectorMaxAttempts must be between 1 and 10.");
        }

        foreach (var (key, url) in new[] { ("AbsOpenIdMetadataUrl", options.AbsOpenIdMetadataUrl), ("EntraOpenIdMetadataUrl", options.EntraOpenIdMetadataUrl) })
        {
            if (!Uri.TryCreate(url, UriKind.Absolute, out _))
            {
                failures.Add($"BotFramework:{key} must be an absolute URL.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateCredentials(BotFrameworkOptions options, List<string> failures)
    {
        var hasPassword = !string.IsNullOrWhiteSpace(options.MicrosoftAppPassword);
        if (options.MicrosoftAppType == MicrosoftAppType.UserAssignedMSI)
        {
            if (hasPassword || options.HasCertificate)
            {
                failures.Add("MicrosoftAppPassword must be empty when MicrosoftAppType is UserAssignedMSI: the managed identity has no secret.");
            }

            return;
        }

        if (options.HasCertificate)
        {
            if (options.MicrosoftAppType != MicrosoftAppType.SingleTenant)
            {
                failures.Add("A certificate (MicrosoftAppCertificatePath or MicrosoftAppCertificateThumbprint) needs MicrosoftAppType SingleTenant.");
            }

            if (hasPassword)
            {
                failures.Add("Set either MicrosoftAppPassword or a certificate, not both.");
            }

            if (!string.IsNullOrWhiteSpace(options.MicrosoftAppCertificatePath) && !File.Exists(options.MicrosoftAppCertificatePath))
            {
                failures.Add($"MicrosoftAppCertificatePath '{options.MicrosoftAppCertificatePath}' does not exist.");
            }

            return;
        }

        if (!hasPassword)
        {
            failures.Add("MicrosoftAppPassword (or, for SingleTenant, a certificate) is required when MicrosoftAppId is set.");
        }
    }
}
