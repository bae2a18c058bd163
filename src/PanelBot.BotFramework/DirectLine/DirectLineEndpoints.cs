using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PanelBot.BotFramework.Hosting;

namespace PanelBot.BotFramework.DirectLine;

/// <summary>
/// The client side of a local Direct Line 3.0 service (polling only), enough for Web Chat 4.18 (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-direct-line-3-0-concepts).
/// Tokens are handed out but not enforced: this is a development playground.
/// </summary>
internal static class DirectLineEndpoints
{
    private const int TokenLifetimeSeconds = 1800;

    public static void Map(IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v3/directline");
        group.MapPost("/conversations", StartConversationAsync);
        group.MapGet("/conversations/{conversationId}", GetConversation);
        group.MapGet("/conversations/{conversationId}/activities", GetActivities);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapPost("/tokens/refresh", RefreshToken);
        group.MapPost("/tokens/generate", GenerateTokenAsync);
    }

    private static async Task<IResult> StartConversationAsync(HttpContext context, DirectLineStore store, PlaygroundBot bot)
    {
        // A token from /tokens/generate already names its conversation.
        var conversation = store.FindByToken(BearerToken(context.Request));
        if (conversation is null)
        {
            var body = await ReadJsonAsync<StartRequest>(context);
            conversation = store.Create(body?.User, body?.Locale);
        }

        if (conversation.TryMarkStarted())
        {
            bot.StartConversation(conversation, bot.ServiceUrlFor(context.Request));
        }

        return Results.Json(ConversationJson(conversation), BotJson.Options, statusCode: StatusCodes.Status201Created);
    }

    private static IResult GetConversation(string conversationId, DirectLineStore store) =>
        store.Find(conversationId) is { } conversation
            ? Results.Json(ConversationJson(conversation), BotJson.Options)
            : NotFound(conversationId);

    private static IResult GetActivities(string conversationId, string? watermark, DirectLineStore store)
    {
        if (store.Find(conversationId) is not { } conversation)
        {
            return NotFound(conversationId);
        }

        var after = long.TryParse(watermark, NumberStyles.None, CultureInfo.InvariantCulture, out var w) ? w : -1;
        var (activities, mark) = conversation.Since(after);
        return Results.Json(
            new JsonObject
            {
                ["activities"] = JsonSerializer.SerializeToNode(activities, BotJson.Options),
                ["watermark"] = mark?.ToString(CultureInfo.InvariantCulture),
            },
            BotJson.Options);
    }

    private static async Task<IResult> PostActivityAsync(string conversationId, HttpContext context, DirectLineStore store, PlaygroundBot bot)
    {
        if (store.Find(conversationId) is not { } conversation)
        {
            return NotFound(conversationId);
        }

        var options = context.RequestServices.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;
        var body = await LimitedBody.ReadAsync(context.Request.Body, options.MaxRequestBodyBytes, context.RequestAborted);
        if (body is null)
        {
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        Activity? posted;
        try
        {
            posted = JsonSerializer.Deserialize<Activity>(body, BotJson.Options);
        }
        catch (JsonException)
        {
            posted = null;
        }

        if (posted is null || string.IsNullOrWhiteSpace(posted.Type))
        {
            return Results.Problem(detail: "The body is not a JSON activity with a type.", statusCode: StatusCodes.Status400BadRequest);
        }

        posted.From ??= conversation.User.Copy();
        posted.From.Id ??= conversation.User.Id;
        posted.From.Role = "user";
        posted.ChannelId ??= Channels.Webchat;
        posted.Conversation = new ConversationAccount { Id = conversation.Id };
        posted.Recipient = null;
        posted.ServiceUrl = null;
        posted.CallerId = null;
        var echo = conversation.Append(posted);

        echo.ServiceUrl = bot.ServiceUrlFor(context.Request);
        echo.Recipient = bot.Account;
        bot.Deliver(echo);
        return Results.Json(new ResourceResponse { Id = echo.Id }, BotJson.Options);
    }

    private static IResult RefreshToken(HttpContext context, DirectLineStore store)
    {
        var token = BearerToken(context.Request);
        var conversation = store.FindByToken(token);
        return Results.Json(
            new { conversationId = conversation?.Id, token = conversation?.Token ?? token ?? "pg-token", expires_in = TokenLifetimeSeconds },
            BotJson.Options);
    }

    private static async Task<IResult> GenerateTokenAsync(HttpContext context, DirectLineStore store)
    {
        var body = await ReadJsonAsync<StartRequest>(context);
        var conversation = store.Create(body?.User, body?.Locale);
        return Results.Json(ConversationJson(conversation), BotJson.Options);
    }

    private static object ConversationJson(DirectLineConversation conversation) =>
        new { conversationId = conversation.Id, token = conversation.Token, expires_in = TokenLifetimeSeconds };

    private static IResult NotFound(string conversationId) => Results.Json(
        new { error = new { code = "BadArgument", message = $"Conversation '{conversationId}' not found." } },
        BotJson.Options, statusCode: StatusCodes.Status404NotFound);

    private static string? BearerToken(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    private static async Task<T?> ReadJsonAsync<T>(HttpContext context)
        where T : class
    {
        var body = await LimitedBody.ReadAsync(context.Request.Body, 64 * 1024, context.RequestAborted);
        if (body is not { Length: > 0 })
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<T>(body, BotJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record StartRequest(ChannelAccount? User, string? Locale);
}
