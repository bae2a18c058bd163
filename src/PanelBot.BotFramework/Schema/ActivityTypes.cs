namespace PanelBot.BotFramework;

/// <summary>Values of <see cref="Activity.Type"/> that the protocol defines.</summary>
public static class ActivityTypes
{
    public const string Message = "message";
    public const string ConversationUpdate = "conversationUpdate";
    public const string InstallationUpdate = "installationUpdate";
    public const string Invoke = "invoke";
    public const string Event = "event";
    public const string Typing = "typing";
    public const string MessageReaction = "messageReaction";
    public const string MessageUpdate = "messageUpdate";
    public const string MessageDelete = "messageDelete";
    public const string EndOfConversation = "endOfConversation";
    public const string Trace = "trace";

    /// <summary>Pseudo type: an activity of this type is stashed as the turn's invoke response, never sent.</summary>
    public const string InvokeResponse = "invokeResponse";
}
