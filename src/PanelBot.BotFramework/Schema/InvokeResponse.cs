namespace PanelBot.BotFramework;

/// <summary>The synchronous HTTP answer to an <c>invoke</c> activity: status code plus a JSON body.</summary>
public sealed class InvokeResponse
{
    public InvokeResponse() { }

    public InvokeResponse(int status, object? body = null)
    {
        Status = status;
        Body = body;
    }

    public int Status { get; set; }

    /// <summary>Serialized with <see cref="BotJson.Options"/>; null means an empty body.</summary>
    public object? Body { get; set; }
}
