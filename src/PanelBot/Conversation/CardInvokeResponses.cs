using System.Text.Json.Nodes;
using PanelBot.BotFramework;
using PanelBot.Cards;

namespace PanelBot.Conversation;

/// <summary>
/// Bodies of the <c>adaptiveCard/action</c> invoke response (brief §3.7). The HTTP status is always 200; the
/// outcome travels in <c>statusCode</c>/<c>type</c>/<c>value</c>.
/// </summary>
public static class CardInvokeResponses
{
    public static InvokeResponse Card(JsonObject card) => new(200, new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = Ac.ContentType,
        ["value"] = card,
    });

    public static InvokeResponse Message(string text) => new(200, new JsonObject
    {
        ["statusCode"] = 200,
        ["type"] = "application/vnd.microsoft.activity.message",
        ["value"] = text,
    });

    public static InvokeResponse Error(int statusCode, string code, string message) => new(200, new JsonObject
    {
        ["statusCode"] = statusCode,
        ["type"] = "application/vnd.microsoft.error",
        ["value"] = new JsonObject { ["code"] = code, ["message"] = message },
    });
}
