using System.Collections.Concurrent;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PanelBot.Tests.CalendarReplies;

/// <summary>
/// A mailbox's Inbox as Microsoft Graph serves it, on Kestrel: <c>mailFolders('inbox')/messages/delta</c> in pages of
/// two with <c>@odata.nextLink</c> ($skiptoken) and a closing <c>@odata.deltaLink</c> ($deltatoken), <c>$value</c> with
/// the MIME, <c>PATCH</c> of isRead, 429 with Retry-After when told to, and 410 Gone (SyncStateNotFound) for tokens
/// issued before <see cref="ExpireTokens"/>. Every request must carry <see cref="Token"/> as its bearer token.
/// </summary>
public sealed class FakeGraphMailbox : IAsyncDisposable
{
    public const string Token = "graph-inbox-token";
    private const int PageSize = 2;

    private readonly WebApplication _app;
    private readonly List<Message> _messages = [];
    private readonly Lock _lock = new();
    private int _generation = 1;
    private int _throttle;

    private FakeGraphMailbox(WebApplication app) => _app = app;

    public string BaseUrl => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";

    /// <summary>Method, path and query of every request, and the status it got.</summary>
    public ConcurrentQueue<(string Method, string Target, int Status)> Requests { get; } = new();

    public static async Task<FakeGraphMailbox> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeGraphMailbox(app);
        app.Map("/{**path}", fake.HandleAsync);
        await app.StartAsync();
        return fake;
    }

    /// <summary>A new message arrives in the Inbox; returns its id (shaped like an immutable id, with '-' and '=').</summary>
    public string Deliver(byte[] mime)
    {
        lock (_lock)
        {
            var id = $"AAkALgAAAAAAHYQDEapmEc2byACqAC-EWg0A{_messages.Count + 1:D4}AAA=";
            _messages.Add(new Message(id, mime));
            return id;
        }
    }

    /// <summary>The next request gets 429 Too Many Requests with Retry-After: 1.</summary>
    public void ThrottleNext() => Interlocked.Exchange(ref _throttle, 1);

    /// <summary>Every delta token issued so far becomes unknown (410 Gone), as after Exchange's token cache evicts them.</summary>
    public void ExpireTokens()
    {
        lock (_lock) _generation++;
    }

    public int Generation
    {
        get { lock (_lock) return _generation; }
    }

    public bool IsRead(string id)
    {
        lock (_lock) return _messages.Single(m => m.Id == id).IsRead;
    }

    public int MimeFetches(string id) => Requests.Count(r => r.Method == "GET" && r.Target.EndsWith($"/messages/{id}/$value", StringComparison.Ordinal) && r.Status == 200);

    public async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), $"Graph fake: still waiting for {what}; requests: {string.Join(" | ", Requests)}");
            await Task.Delay(50);
        }
    }

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var target = request.Path.Value + request.QueryString.Value;
        var status = await RespondAsync(context);
        Requests.Enqueue((request.Method, target, status));
    }

    private async Task<int> RespondAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.Headers.Authorization.ToString() != "Bearer " + Token)
            return await ErrorAsync(context, 401, "InvalidAuthenticationToken", "Access token is empty.");
        if (Interlocked.Exchange(ref _throttle, 0) == 1)
        {
            context.Response.Headers.RetryAfter = "1";
            return await ErrorAsync(context, 429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.");
        }

        var segments = request.Path.Value!.Split('/', StringSplitOptions.RemoveEmptyEntries);
        // v1.0 / users / {mailbox} / ...
        if (segments is ["v1.0", "users", _, "mailFolders('inbox')", "messages", "delta"] && request.Method == "GET")
            return await DeltaAsync(context, segments[2]);
        if (segments is ["v1.0", "users", _, "messages", var id, "$value"] && request.Method == "GET")
        {
            var message = Find(id);
            if (message is null) return await ErrorAsync(context, 404, "ErrorItemNotFound", "The specified object was not found in the store.");
            context.Response.ContentType = "text/plain";
            await context.Response.Body.WriteAsync(message.Mime);
            return 200;
        }

        if (segments is ["v1.0", "users", _, "messages", var patched] && request.Method == "PATCH")
        {
            var message = Find(patched);
            if (message is null) return await ErrorAsync(context, 404, "ErrorItemNotFound", "The specified object was not found in the store.");
            var body = await JsonNode.ParseAsync(request.Body);
            lock (_lock) message.IsRead = body!["isRead"]!.GetValue<bool>();
            await context.Response.WriteAsJsonAsync(new JsonObject { ["id"] = message.Id, ["isRead"] = message.IsRead });
            return 200;
        }

        return await ErrorAsync(context, 400, "BadRequest", $"Unsupported request {request.Method} {request.Path}.");
    }

    private async Task<int> DeltaAsync(HttpContext context, string mailbox)
    {
        var query = context.Request.Query;
        var token = query["$skiptoken"].FirstOrDefault() ?? query["$deltatoken"].FirstOrDefault();
        int start;
        var unfiltered = token is null && query["changeType"] != "created";
        List<Message> page;
        bool more;
        int generation;
        lock (_lock)
        {
            generation = _generation;
            if (token is null)
                start = 0;
            else if (token.Split('.') is [var g, var s] && int.Parse(g) == _generation)
                start = int.Parse(s);
            else
                start = -1;

            page = start < 0 ? [] : _messages.Skip(start).Take(PageSize).ToList();
            more = start >= 0 && start + PageSize < _messages.Count;
        }

        if (unfiltered) return await ErrorAsync(context, 400, "BadRequest", "The fake serves changeType=created only.");
        if (start < 0) return await ErrorAsync(context, 410, "SyncStateNotFound", "The sync state generation is not found.");
        var root = $"{context.Request.Scheme}://{context.Request.Host}/v1.0/users/{Uri.EscapeDataString(mailbox)}/mailFolders('inbox')/messages/delta";
        var response = new JsonObject { ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#Collection(message)" };
        if (more) response["@odata.nextLink"] = $"{root}?$skiptoken={generation}.{start + PageSize}";
        else response["@odata.deltaLink"] = $"{root}?$deltatoken={generation}.{start + page.Count}";
        response["value"] = new JsonArray(page.Select(m => (JsonNode)new JsonObject
        {
            ["@odata.type"] = "#microsoft.graph.message",
            ["@odata.etag"] = "W/\"CQAAABYAAADGYncYnWQPSLjON8peGFCvAAACjuOd\"",
            ["id"] = m.Id,
            ["isRead"] = m.IsRead,
        }).ToArray());
        context.Response.ContentType = "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";
        await context.Response.WriteAsync(response.ToJsonString());
        return 200;
    }

    private Message? Find(string id)
    {
        lock (_lock) return _messages.FirstOrDefault(m => m.Id == id);
    }

    private static async Task<int> ErrorAsync(HttpContext context, int status, string code, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(JsonSerializer.Serialize(new { error = new { code, message } }));
        return status;
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private sealed class Message(string id, byte[] mime)
    {
        public string Id { get; } = id;
        public byte[] Mime { get; } = mime;
        public bool IsRead { get; set; }
    }
}
