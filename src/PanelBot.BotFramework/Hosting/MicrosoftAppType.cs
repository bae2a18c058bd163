namespace PanelBot.BotFramework;

/// <summary>How the bot's Entra app registration is set up; decides the outbound token authority.</summary>
public enum MicrosoftAppType
{
    /// <summary>Legacy default: authority <c>login.microsoftonline.com/botframework.com</c>.</summary>
    MultiTenant,

    /// <summary>Authority <c>login.microsoftonline.com/{MicrosoftAppTenantId}</c>.</summary>
    SingleTenant,
}
