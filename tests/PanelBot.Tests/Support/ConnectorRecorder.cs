using System.Diagnostics;
using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PanelBot.Tests.Support;

/// <summary>
/// A stand-in for the Bot Connector service on a real loopback port: it records every call the bot makes (proactive
/// messages, card updates) and answers like the connector does. Member lookups get 404 (no profile to share).
/// </summary>
public sealed class ConnectorRecorder : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ConnectorCall> _calls = new();
    private readonly ConcurrentQueue<ConnectorCall> _answered = new();
    private int _throttleNext;
    private int _throttled;

    private ConnectorRecorder(WebApplication app) => _app = app;

    public string ServiceUrl { get; private set; } = "";

    public IReadOnlyList<ConnectorCall> Calls => _calls.ToList();

    /// <summary>Calls that got a success answer (not stalled, not throttled).</summary>
    public IReadOnlyList<ConnectorCall> Answered => _answered.ToList();

    /// <summary>While set and not completed, every call waits for it before being answered (a connector that hangs).</summary>
    public TaskCompletionSource? Stall { get; set; }

    /// <summary>The next <paramref name="count"/> calls get 429 Too Many Requests with <c>Retry-After: 0</c>.</summary>
    public void ThrottleNext(int count) => Interlocked.Exchange(ref _throttleNext, count);

    /// <summary>How many calls were answered 429.</summary>
    public int Throttled => Volatile.Read(ref _throttled);

    public static async Task<ConnectorRecorder> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var recorder = new ConnectorRecorder(app);
        app.Run(recorder.HandleAsync);
        await app.StartAsync();
        recorder.ServiceUrl = app.Urls.Single().TrimEnd('/') + "/";
        return recorder;
    }

    /// <summary>Waits until a call matches (proactive sends may finish just after the turn's HTTP answer).</summary>
    public async Task<ConnectorCall> WaitForAsync(Func<ConnectorCall, bool> match, TimeSpan? timeout = null) =>
        (await Eventually.Until(() => Calls.FirstOrDefault(match), found => found is not null,
            _ => "a matching connector call. Calls: " + string.Join("\n", Calls.Select(c => $"{c.Method} {c.Path} {c.Body}")),
            timeout ?? TimeSpan.FromSeconds(10)))!;

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var call = new ConnectorCall(context.Request.Method, context.Request.Path.Value ?? "", body);
        _calls.Enqueue(call);
        if (Stall is { } stall) await stall.Task.WaitAsync(context.RequestAborted);
        if (Interlocked.Decrement(ref _throttleNext) >= 0)
        {
            Interlocked.Increment(ref _throttled);
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            context.Response.Headers.RetryAfter = "0";
            return;
        }
        if (HttpMethods.IsGet(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        _answered.Enqueue(call);
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(new JsonObject { ["id"] = Guid.NewGuid().ToString("N") }.ToJsonString());
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

public sealed record ConnectorCall(string Method, string Path, string Body)
{
    public JsonObject? Json => Body.Length == 0 ? null : JsonNode.Parse(Body) as JsonObject;
    public string? Text => Json?["text"]?.GetValue<string>();
}
