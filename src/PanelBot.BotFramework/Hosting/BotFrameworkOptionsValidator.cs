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
            if (string.IsNullOrWhiteSpace(options.MicrosoftAppPassword))
            {
                failures.Add("MicrosoftAppPassword is required when MicrosoftAppId is set.");
            }

            if (options.MicrosoftAppType == MicrosoftAppType.SingleTenant && string.IsNullOrWhiteSpace(options.MicrosoftAppTenantId))
            {
                failures.Add("MicrosoftAppTenantId is required when MicrosoftAppType is SingleTenant.");
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
}
