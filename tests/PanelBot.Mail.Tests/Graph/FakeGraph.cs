using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PanelBot.Mail.Tests;

/// <summary>A real Kestrel server on 127.0.0.1 that plays Graph's sendMail and records what it got.</summary>
internal sealed class FakeGraph : IAsyncDisposable
{
    private readonly WebApplication app;

    private FakeGraph(WebApplication app) => this.app = app;

    public Uri BaseUrl { get; private set; } = null!;

    public List<RecordedRequest> Requests { get; } = [];

    /// <summary>What the next requests get back: status and optional Retry-After value.</summary>
    public Queue<(int Status, string? RetryAfter)> Responses { get; } = new();

    public static async Task<FakeGraph> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeGraph(app);
        app.Map("/{**path}", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            fake.Requests.Add(new RecordedRequest(
                context.Request.Method,
                context.Request.Path.Value!,
                context.Request.Headers.Authorization.ToString(),
                context.Request.ContentType,
                await reader.ReadToEndAsync()));
            var (status, retryAfter) = fake.Responses.Count > 0 ? fake.Responses.Dequeue() : (202, null);
            context.Response.StatusCode = status;
            if (retryAfter is not null)
            {
                context.Response.Headers.RetryAfter = retryAfter;
            }

            if (status >= 400)
            {
                await context.Response.WriteAsync("{\"error\":{\"code\":\"Fake\",\"message\":\"fake error\"}}");
            }
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        fake.BaseUrl = new Uri(address.TrimEnd('/') + "/");
        return fake;
    }

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

internal sealed record RecordedRequest(string Method, string Path, string Authorization, string? ContentType, string Body);

internal sealed class StaticTokenSource(string token) : IAccessTokenSource
{
    public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(token);
}
