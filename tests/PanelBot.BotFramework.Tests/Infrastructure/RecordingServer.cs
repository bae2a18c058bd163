using System.Diagnostics;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PanelBot.BotFramework.Tests.Infrastructure;

/// <summary>A Kestrel server that records every request and answers from a script (default: 200 {"id":"r1"}).</summary>
public sealed class RecordingServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script = new();

    private readonly long _startedAt = Stopwatch.GetTimestamp();

    private RecordingServer(WebApplication app) => _app = app;

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();
    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<RecordingServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var server = new RecordingServer(builder.Build());
        server._app.Run(server.HandleAsync);
        await server._app.StartAsync();
        server.BaseAddress = new Uri(server._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        return server;
    }

    /// <summary>Queues the answer for the next request.</summary>
    public void Enqueue(int status, string? json = null, Action<HttpResponse>? headers = null) => _script.Enqueue(async context =>
    {
        context.Response.StatusCode = status;
        headers?.Invoke(context.Response);
        if (json is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(json);
        }
    });

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        Requests.Enqueue(new RecordedRequest(
            context.Request.Method,
            context.Request.Path.ToUriComponent() + context.Request.QueryString.ToUriComponent(),
            context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpRequestFeature>()!.RawTarget,
            context.Request.Headers.Authorization.ToString(),
            await reader.ReadToEndAsync(),
            Stopwatch.GetElapsedTime(_startedAt),
            context.Request.Headers["X-IDENTITY-HEADER"].ToString()));

        if (_script.TryDequeue(out var answer))
        {
            await answer(context);
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync("""{"id":"r1"}""");
    }
}

/// <param name="At">When it arrived, as time elapsed on the monotonic clock since the server started.</param>
public sealed record RecordedRequest(string Method, string Path, string RawTarget, string Authorization, string Body, TimeSpan At,
    string IdentityHeader = "");
