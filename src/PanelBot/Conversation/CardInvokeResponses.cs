using System.Text.Json.Nodes;
using PanelBot.BotFramework;
using PanelBot.Cards;

namespace PanelBot.Conversation;

/// <summary>
/// Bodies of the <c>adaptiveCard/action</c> invoke response
/// (https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/universal-actions-for-adaptive-cards/user-specific-views).
/// The outcome travels in <c>statusCode</c>/<c>type</c>/<c>value</c>; the HTTP status is 200 for every answer built
/// here, and 400 only for an invoke that is not a well-formed <c>Action.Execute</c> (<c>CardActionHandler</c>), as the
/// Bot Framework SDK answers it.
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
