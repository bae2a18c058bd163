using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace PanelBot.BotFramework.DirectLine;

/// <summary>
/// The Bot Connector side of the playground (<c>/_playground/v3/conversations/…</c>): the bot's replies arrive
/// here over real HTTP through the ordinary connector client and are appended to the Direct Line stream.
/// </summary>
internal static class PlaygroundConnectorEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/_playground/v3/conversations/{conversationId}");
        group.MapPost("/activities", (string conversationId, HttpContext context, DirectLineStore store, PlaygroundBot bot) =>
            SendAsync(conversationId, null, context, store, bot));
        group.MapPost("/activities/{activityId}", (string conversationId, string activityId, HttpContext context, DirectLineStore store, PlaygroundBot bot) =>
            SendAsync(conversationId, activityId, context, store, bot));
        group.MapPut("/activities/{activityId}", UpdateAsync);
        group.MapDelete("/activities/{activityId}", Delete);
        group.MapGet("/members/{userId}", GetMember);
        group.MapGet("/pagedmembers", GetPagedMembers);
    }

    private static async Task<IResult> SendAsync(string conversationId, string? replyToId, HttpContext context, DirectLineStore store, PlaygroundBot bot)
    {
        if (store.Find(conversationId) is not { } conversation)
        {
            return NotFound("ConversationNotFound", $"Conversation '{conversationId}' not found.");
        }

        var activity = await ReadActivityAsync(context);
        if (activity is null)
        {
            return BadRequest();
        }

        Normalize(activity, conversation, bot);
        activity.ReplyToId ??= replyToId;
        var stored = conversation.Append(activity);
        return Results.Json(new ResourceResponse { Id = stored.Id }, BotJson.Options, statusCode: StatusCodes.Status200OK);
    }

    private static async Task<IResult> UpdateAsync(string conversationId, string activityId, HttpContext context, DirectLineStore store, PlaygroundBot bot)
    {
        if (store.Find(conversationId) is not { } conversation)
        {
            return NotFound("ConversationNotFound", $"Conversation '{conversationId}' not found.");
        }

        var activity = await ReadActivityAsync(context);
        if (activity is null)
        {
            return BadRequest();
        }

        Normalize(activity, conversation, bot);
        return conversation.Replace(activityId, activity)
            ? Results.Json(new ResourceResponse { Id = activityId }, BotJson.Options)
            : NotFound("ActivityNotFound", $"Activity '{activityId}' not found.");
    }

    private static IResult Delete(string conversationId, string activityId, DirectLineStore store) =>
        store.Find(conversationId) is not { } conversation
            ? NotFound("ConversationNotFound", $"Conversation '{conversationId}' not found.")
            : conversation.Remove(activityId)
                ? Results.Ok()
                : NotFound("ActivityNotFound", $"Activity '{activityId}' not found.");

    private static IResult GetMember(string conversationId, string userId, DirectLineStore store)
    {
        var conversation = store.Find(conversationId);
        return conversation?.User.Id == userId
            ? Results.Json(Member(conversation), BotJson.Options)
            : NotFound("MemberNotFound", $"Member '{userId}' not found.");
    }

    private static IResult GetPagedMembers(string conversationId, DirectLineStore store) =>
        store.Find(conversationId) is { } conversation
            ? Results.Json(new PagedMembersResult { Members = [Member(conversation)] }, BotJson.Options)
            : NotFound("ConversationNotFound", $"Conversation '{conversationId}' not found.");

    private static TeamsChannelAccount Member(DirectLineConversation conversation) =>
        new() { Id = conversation.User.Id, Name = conversation.User.Name, UserRole = "user" };

    // Whatever the bot sends shows up as the bot in Web Chat (it decides the side by role).
    private static void Normalize(Activity activity, DirectLineConversation conversation, PlaygroundBot bot)
    {
        activity.From ??= bot.Account;
        activity.From.Role = "bot";
        activity.Conversation = new ConversationAccount { Id = conversation.Id };
        activity.ChannelId ??= Channels.Webchat;
        activity.ServiceUrl = null;
    }

    private static async Task<Activity?> ReadActivityAsync(HttpContext context)
    {
        try
        {
            var activity = await JsonSerializer.DeserializeAsync<Activity>(context.Request.Body, BotJson.Options, context.RequestAborted);
            return string.IsNullOrWhiteSpace(activity?.Type) ? null : activity;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static IResult BadRequest() => Results.Json(
        new { error = new { code = "BadArgument", message = "The body is not a JSON activity with a type." } },
        BotJson.Options, statusCode: StatusCodes.Status400BadRequest);

    private static IResult NotFound(string code, string message) =>
        Results.Json(new { error = new { code, message } }, BotJson.Options, statusCode: StatusCodes.Status404NotFound);
}
