using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PanelBot.BotFramework.Authentication;

namespace PanelBot.BotFramework.Hosting;

/// <summary>
/// <c>POST /api/messages</c> (https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference): authenticate, read the activity within the size limit, run the turn,
/// and answer 200 / invoke response / expected replies. Nothing reaches the bot on 4xx.
/// </summary>
internal static class MessagesEndpoint
{
    public static async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        var services = context.RequestServices;
        var options = services.GetRequiredService<IOptions<BotFrameworkOptions>>().Value;

        if (!HttpMethods.IsPost(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = "POST";
            return;
        }

        if (request.ContentLength > options.MaxRequestBodyBytes)
        {
            await WriteTooLargeAsync(response, options.MaxRequestBodyBytes);
            return;
        }

        var authenticator = services.GetRequiredService<BotAuthenticator>();
        var caller = await authenticator.AuthenticateAsync(request.Headers.Authorization.ToString(), context.RequestAborted);
        if (caller is null)
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        var body = await LimitedBody.ReadAsync(request.Body, options.MaxRequestBodyBytes, context.RequestAborted);
        if (body is null)
        {
            await WriteTooLargeAsync(response, options.MaxRequestBodyBytes);
            return;
        }

        if (!TryParseActivity(body, out var activity, out var problem))
        {
            await WriteProblemAsync(response, problem);
            return;
        }

        if (!await authenticator.AuthorizeActivityAsync(caller, activity, context.RequestAborted))
        {
            response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        activity.CallerId = caller.CallerId;
        var adapter = services.GetRequiredService<IBotAdapter>();
        var result = await adapter.ProcessActivityAsync(activity, caller.Identity, context.RequestAborted);
        await WriteResultAsync(response, result, context.RequestAborted);
    }

    internal static async Task WriteResultAsync(HttpResponse response, InvokeResponse? result, CancellationToken ct)
    {
        if (result is null)
        {
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        response.StatusCode = result.Status;
        if (result.Body is not null)
        {
            response.ContentType = "application/json; charset=utf-8";
            await JsonSerializer.SerializeAsync(response.Body, result.Body, result.Body.GetType(), BotJson.Options, ct);
        }
    }

    private static bool TryParseActivity(byte[] body, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Activity? activity, out string problem)
    {
        activity = null;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, BotJson.Options);
        }
        catch (JsonException)
        {
            problem = "The body is not a JSON activity.";
            return false;
        }

        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            activity = null;
            problem = "The activity has no type.";
            return false;
        }

        // A message or invoke is someone asking for something in a conversation; without both the bot cannot tell
        // who asks or where to answer (the Activity schema requires from and conversation on them).
        if (activity.Type is ActivityTypes.Message or ActivityTypes.Invoke
            && (string.IsNullOrWhiteSpace(activity.From?.Id) || string.IsNullOrWhiteSpace(activity.Conversation?.Id)))
        {
            activity = null;
            problem = "A message or invoke activity needs from.id and conversation.id.";
            return false;
        }

        problem = string.Empty;
        return true;
    }

    private static Task WriteProblemAsync(HttpResponse response, string detail, int status = StatusCodes.Status400BadRequest,
        string title = "Bad Request")
    {
        response.StatusCode = status;
        response.ContentType = "application/problem+json";
        return response.WriteAsync(JsonSerializer.Serialize(
            new { type = "about:blank", title, status, detail }, BotJson.Options));
    }

    private static Task WriteTooLargeAsync(HttpResponse response, long limit) =>
        WriteProblemAsync(response, $"The activity is larger than {limit:N0} bytes.", StatusCodes.Status413PayloadTooLarge, "Payload Too Large");
}
