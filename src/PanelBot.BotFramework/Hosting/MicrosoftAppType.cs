namespace PanelBot.BotFramework;

/// <summary>How the bot's Entra app registration is set up; decides the outbound token authority.</summary>
public enum MicrosoftAppType
{
    /// <summary>Legacy default: authority <c>login.microsoftonline.com/botframework.com</c>.</summary>
    MultiTenant,

    /// <summary>Authority <c>login.microsoftonline.com/{MicrosoftAppTenantId}</c>.</summary>
    SingleTenant,

    /// <summary>
    /// A user-assigned managed identity whose client id is <c>MicrosoftAppId</c>: tokens come from the Azure host's
    /// managed identity endpoint, there is no password, and <c>MicrosoftAppTenantId</c> names the identity's tenant.
    /// </summary>
    UserAssignedMSI,
}
