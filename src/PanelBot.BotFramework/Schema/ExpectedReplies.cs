namespace PanelBot.BotFramework;

/// <summary>Body of the answer to an <c>expectReplies</c> request.</summary>
public sealed class ExpectedReplies
{
    public List<Activity> Activities { get; set; } = [];
}
