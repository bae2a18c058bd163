using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PanelBot.Features.Invitations;
using PanelBot.Mail;
using PanelBot.Storage;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Invitations;

/// <summary>Mail:Transport=Graph: the outbox sends through sendMail to a local Kestrel fake that checks the request.</summary>
public sealed class GraphTransportTests
{
    [Fact]
    public async Task GraphTransport_QueuedMail_ArrivesAsOneSendMailWithBearerTokenAndBase64Mime()
    {
        await using var graph = await FakeGraph.StartAsync();
        await using var app = new BotApp
        {
            Settings =
            {
                ["MicrosoftAppId"] = "00000000-0000-0000-0000-0000000000b0",
                ["MicrosoftAppPassword"] = "not-used-here",
                ["MicrosoftAppTenantId"] = "00000000-0000-0000-0000-0000000000c0",
                ["MicrosoftAppType"] = "SingleTenant",
                ["Mail:Transport"] = "Graph",
                ["Mail:Graph:BaseUrl"] = graph.BaseUrl,
                ["Mail:Graph:SenderUserId"] = "events@contoso.example",
                ["Mail:From"] = "events@contoso.example",
                ["Mail:DispatchIntervalSeconds"] = "0.1",
            },
            TestServices = services => services.AddKeyedSingleton<IAccessTokenSource>(InvitationsRegistration.TokenSourceKey, new FixedToken()),
        };
        Assert.IsType<GraphSendMailTransport>(app.Services.GetRequiredService<IMailTransport>());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<IOutbox>();
            await outbox.EnqueueAsync(new OutboxMessage(null, "reminder", MailComposer.Compose(new OutgoingMail
            {
                From = MailAddresses.Mailbox("events@contoso.example"),
                To = [MailAddresses.Mailbox("ada@example.org", "Ada")],
                Subject = "Tomorrow: peace operations",
                TextBody = "See you tomorrow.",
                Date = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero),
            })), default);
            await scope.ServiceProvider.GetRequiredService<PanelBotDbContext>().SaveChangesAsync();
        }

        var rows = await MailApps.WaitForOutboxAsync(app, r => r.Count == 1 && r[0].State == OutboxState.Sent, "sent through Graph");
        var request = Assert.Single(graph.Requests);
        Assert.Equal("/v1.0/users/events@contoso.example/sendMail", request.Path);
        Assert.Equal("Bearer graph-token", request.Authorization);
        Assert.StartsWith("text/plain", request.ContentType);
        var mime = MimePart.Parse(Convert.FromBase64String(request.Body));
        Assert.Contains("ada@example.org", mime.Header("To"));
        Assert.Equal($"<{rows[0].MessageId}>", mime.Header("Message-ID"));
    }

    private sealed class FixedToken : IAccessTokenSource
    {
        public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult("graph-token");
    }

    private sealed record GraphRequest(string Path, string? Authorization, string? ContentType, string Body);

    private sealed class FakeGraph : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private FakeGraph(WebApplication app) => _app = app;

        public ConcurrentQueue<GraphRequest> Requests { get; } = new();

        public string BaseUrl => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/";

        public static async Task<FakeGraph> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var fake = new FakeGraph(app);
            app.MapPost("/v1.0/users/{user}/sendMail", async (HttpContext context) =>
            {
                using var reader = new StreamReader(context.Request.Body, Encoding.ASCII);
                fake.Requests.Enqueue(new GraphRequest(Uri.UnescapeDataString(context.Request.Path), context.Request.Headers.Authorization,
                    context.Request.ContentType, await reader.ReadToEndAsync()));
                return Results.StatusCode(202);
            });
            await app.StartAsync();
            return fake;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}
