using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PanelBot.BotFramework.Connector;
using PanelBot.BotFramework.Tests.Infrastructure;

namespace PanelBot.BotFramework.Tests;

/// <summary>
/// The connector client against a recording Kestrel server. Requests to https://api.connector.test are redirected
/// to the server by a handler below the client, so the trust policy still sees the https URL.
/// </summary>
public sealed class ConnectorClientTests : IAsyncLifetime
{
    private const string TrustedUrl = "https://api.connector.test/teams";
    private const string TeamsThread = "19:a@thread.tacv2;messageid=1";
    private RecordingServer _server = null!;
    private readonly FakeTokenProvider _tokens = new();
    private readonly List<TimeSpan> _delays = [];
    private readonly FakeTimeProvider _clock = TestClock.Create();

    public async Task InitializeAsync() => _server = await RecordingServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task ReplyToActivity_TeamsThreadId_EscapesSegmentsJoinsSlashAndSendsToken()
    {
        var client = Factory().Create(TrustedUrl);

        var result = await client.ReplyToActivityAsync(TeamsThread, "1716900000001", new Activity { Type = "message", Id = "x", Text = "hi" });

        var request = Assert.Single(_server.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/teams/v3/conversations/19%3Aa%40thread.tacv2%3Bmessageid%3D1/activities/1716900000001", request.RawTarget);
        Assert.Equal("Bearer " + FakeTokenProvider.Token, request.Authorization);
        var body = JsonNode.Parse(request.Body)!.AsObject();
        Assert.Equal("hi", (string?)body["text"]);
        Assert.False(body.ContainsKey("id"));
        Assert.Equal("r1", result?.Id);
    }

    [Fact]
    public async Task Operations_UseDocumentedVerbsAndPaths()
    {
        var client = Factory().Create(TrustedUrl + "/");
        _server.Enqueue(200, """{"id":"r1"}""");
        _server.Enqueue(200, """{"id":"r1"}""");
        _server.Enqueue(200);
        _server.Enqueue(201, """{"id":"a:new","activityId":"m1"}""");
        _server.Enqueue(200, """{"id":"29:u","objectId":"aad-1","userPrincipalName":"u@x","userRole":"guest"}""");
        _server.Enqueue(200, """{"continuationToken":"t2","members":[{"id":"29:u","objectId":"aad-1"}]}""");

        await client.SendToConversationAsync("a:conv", new Activity { Type = "message" });
        await client.UpdateActivityAsync("a:conv", "m/1", new Activity { Type = "message", Id = "m/1" });
        await client.DeleteActivityAsync("a:conv", "m1");
        var created = await client.CreateConversationAsync(new ConversationParameters { IsGroup = false, TenantId = "t" });
        var member = await client.GetConversationMemberAsync("a:conv", "29:u");
        var page = await client.GetPagedMembersAsync("a:conv", 100, "t 1");

        var requests = _server.Requests.Select(r => $"{r.Method} {r.RawTarget}").ToArray();
        Assert.Equal(
        [
            "POST /teams/v3/conversations/a%3Aconv/activities",
            "PUT /teams/v3/conversations/a%3Aconv/activities/m%2F1",
            "DELETE /teams/v3/conversations/a%3Aconv/activities/m1",
            "POST /teams/v3/conversations",
            "GET /teams/v3/conversations/a%3Aconv/members/29%3Au",
            "GET /teams/v3/conversations/a%3Aconv/pagedmembers?pageSize=100&continuationToken=t%201",
        ], requests);
        Assert.Equal("a:new", created.Id);
        Assert.Equal("aad-1", member?.AadObjectId);
        Assert.Equal("guest", member?.UserRole);
        Assert.Equal("t2", page.ContinuationToken);
        Assert.Equal("aad-1", Assert.Single(page.Members).AadObjectId);
    }

    [Fact]
    public async Task GetConversationMember_404_ReturnsNull()
    {
        _server.Enqueue(404, """{"error":{"code":"MemberNotFound","message":"nope"}}""");

        var member = await Factory().Create(TrustedUrl).GetConversationMemberAsync("a:conv", "29:x");

        Assert.Null(member);
    }

    [Fact]
    public async Task Send_WithoutAppIdToLoopback_SendsNoAuthorizationHeader()
    {
        var client = Factory(appId: null).Create(_server.BaseAddress.AbsoluteUri);

        await client.SendToConversationAsync("a:conv", new Activity { Type = "message" });

        Assert.Equal("", Assert.Single(_server.Requests).Authorization);
        Assert.Equal(0, _tokens.Calls);
    }

    [Fact]
    public async Task Send_429WithRetryAfterSeconds_WaitsThatLongAndRetriesOnce()
    {
        _server.Enqueue(429, """{"error":{"code":"Throttled"}}""", r => r.Headers.RetryAfter = "1");
        _server.Enqueue(201, """{"id":"after-retry"}""");

        var result = await Factory().Create(TrustedUrl).SendToConversationAsync("a:conv", new Activity { Type = "message", Text = "x" });

        Assert.Equal("after-retry", result?.Id);
        Assert.Equal(2, _server.Requests.Count);
        Assert.Equal([TimeSpan.FromSeconds(1)], _delays);
        Assert.All(_server.Requests, r => Assert.Contains("\"text\":\"x\"", r.Body));
    }

    [Fact]
    public async Task Send_429WithRetryAfterDate_WaitsUntilThatDate()
    {
        var date = _clock.GetUtcNow().AddSeconds(30);
        _server.Enqueue(429, null, r => r.Headers.RetryAfter = date.ToString("R"));
        _server.Enqueue(200, """{"id":"ok"}""");

        await Factory().Create(TrustedUrl).SendToConversationAsync("a:conv", new Activity { Type = "message" });

        var delay = Assert.Single(_delays);
        Assert.Equal(TimeSpan.FromSeconds(30), delay); // measured on the injected clock
    }

    [Fact]
    public async Task Send_RealDelayPolicy_HonoursRetryAfter()
    {
        _server.Enqueue(429, null, r => r.Headers.RetryAfter = "1");
        _server.Enqueue(201, """{"id":"ok"}""");

        await Factory(recordDelays: false).Create(TrustedUrl).SendToConversationAsync("a:conv", new Activity { Type = "message" });

        var requests = _server.Requests.ToArray();
        Assert.Equal(2, requests.Length);
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task Send_Persistent503_GivesUpAfterFourTriesWithGrowingBackoff()
    {
        for (var i = 0; i < 4; i++)
        {
            _server.Enqueue(503);
        }

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Factory().Create(TrustedUrl).SendToConversationAsync("a:conv", new Activity { Type = "message" }));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Equal(4, _server.Requests.Count);
        Assert.Equal(3, _delays.Count);
        Assert.True(_delays[2] > _delays[0]);
    }

    [Fact]
    public async Task Send_403BotNotInConversationRoster_ThrowsWithCodeAndDoesNotRetry()
    {
        _server.Enqueue(403, """{"error":{"code":"BotNotInConversationRoster","message":"The bot is not part of the conversation roster."}}""",
            r => r.Headers["X-Correlating-OperationId"] = "op-1");

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            Factory().Create(TrustedUrl).SendToConversationAsync("a:conv", new Activity { Type = "message" }));

        Assert.Equal(HttpStatusCode.Forbidden, error.StatusCode);
        Assert.Equal("BotNotInConversationRoster", error.ErrorCode);
        Assert.Equal("op-1", error.CorrelationId);
        Assert.True(error.IsBotRemoved);
        Assert.Single(_server.Requests);
        Assert.Empty(_delays);
    }

    [Theory]
    [InlineData("https://evil.example.com/")]
    [InlineData("http://api.connector.test/")]
    [InlineData("https://smba.trafficmanager.net.evil.com/")]
    [InlineData("https://evil.trafficmanager.net/")]
    [InlineData("https://notbotframework.com/")]
    public async Task Send_UntrustedServiceUrlWithAppId_ThrowsWithoutRequest(string serviceUrl)
    {
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() =>
            Factory().Create(serviceUrl).SendToConversationAsync("a:conv", new Activity { Type = "message" }));

        Assert.Empty(_server.Requests);
        Assert.Equal(0, _tokens.Calls);
    }

    [Fact]
    public async Task Send_LoopbackWithAppId_ThrowsWithoutRequest()
    {
        await Assert.ThrowsAsync<UntrustedServiceUrlException>(() =>
            Factory(redirect: false).Create(_server.BaseAddress.AbsoluteUri).SendToConversationAsync("a:conv", new Activity { Type = "message" }));

        Assert.Empty(_server.Requests);
    }

    [Theory]
    [InlineData("https://smba.trafficmanager.net/emea/", true)]
    [InlineData("https://europe.webchat.botframework.com/", true)]
    [InlineData("https://smba.infra.gcc.teams.microsoft.com/teams", true)]
    [InlineData("https://smba.infra.gov.teams.microsoft.us/teams", true)]
    [InlineData("https://botframework.com.evil.net/", false)]
    [InlineData("https://user:pw@smba.trafficmanager.net/", false)]
    public void ServiceUrlPolicy_BuiltInHosts(string serviceUrl, bool trusted)
    {
        var policy = Services(FakeIdentityProvider.AppId, redirect: false).GetRequiredService<ServiceUrlPolicy>();

        Assert.Equal(trusted ? ServiceUrlTrust.Trusted : ServiceUrlTrust.Untrusted, policy.Check(new Uri(serviceUrl)));
    }

    private IConnectorClientFactory Factory(string? appId = FakeIdentityProvider.AppId, bool redirect = true, bool recordDelays = true)
    {
        var services = Services(appId, redirect);
        if (recordDelays)
        {
            services.GetRequiredService<ConnectorRetryPolicy>().DelayAsync = (delay, _) =>
            {
                _delays.Add(delay);
                return Task.CompletedTask;
            };
        }

        return services.GetRequiredService<IConnectorClientFactory>();
    }

    private ServiceProvider Services(string? appId, bool redirect)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["MicrosoftAppId"] = appId,
            ["MicrosoftAppPassword"] = appId is null ? null : "secret",
            ["BotFramework:TrustedServiceHosts:0"] = "connector.test",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddBotFramework(configuration);
        services.AddSingleton<IBotTokenProvider>(_tokens);
        services.AddSingleton<TimeProvider>(_clock);
        if (redirect)
        {
            services.AddHttpClient(ConnectorClientFactory.HttpClientName)
                .AddHttpMessageHandler(() => new RedirectHandler(_server.BaseAddress));
        }

        return services.BuildServiceProvider();
    }

    /// <summary>Sends every request to the recording server, keeping path and query as they are.</summary>
    private sealed class RedirectHandler(Uri target) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var original = request.RequestUri!;
            request.RequestUri = new Uri(target, original.PathAndQuery);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
