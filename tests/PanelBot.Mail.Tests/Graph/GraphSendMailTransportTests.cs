namespace PanelBot.Mail.Tests;

public sealed class GraphSendMailTransportTests
{
    [Fact]
    public async Task Send_Accepted202_PostsBase64MimeToUsersSenderSendMail()
    {
        await using var graph = await FakeGraph.StartAsync();
        using var http = new HttpClient();
        var transport = new GraphSendMailTransport(http, new StaticTokenSource("graph-token"), new GraphSendMailOptions { BaseUrl = graph.BaseUrl });
        var envelope = MailEnvelope.Create(Samples.Invitation());

        var result = await transport.SendAsync(envelope);

        var request = Assert.Single(graph.Requests);
        Assert.Equal("POST", request.Method);
        Assert.Equal("/v1.0/users/events@panelbot.test/sendMail", request.Path);
        Assert.Equal("Bearer graph-token", request.Authorization);
        Assert.Equal("text/plain", request.ContentType!.Split(';')[0]);
        var mime = Convert.FromBase64String(request.Body);
        Assert.Equal(envelope.Mime.ToArray(), mime);
        Assert.Equal("multipart/mixed", MimeReader.Parse(mime).MediaType);
        Assert.True(result.AllAccepted);
        Assert.Equal(envelope.MessageId, result.MessageId);
    }

    [Fact]
    public async Task Send_SenderUserIdConfigured_PostsToThatMailbox()
    {
        await using var graph = await FakeGraph.StartAsync();
        using var http = new HttpClient();
        var transport = new GraphSendMailTransport(http, new StaticTokenSource("t"), new GraphSendMailOptions { BaseUrl = graph.BaseUrl, SenderUserId = "0f4c-id" });

        await transport.SendAsync(MailEnvelope.Create(Samples.Plain("ada@example.org")));

        Assert.Equal("/v1.0/users/0f4c-id/sendMail", Assert.Single(graph.Requests).Path);
    }

    [Theory]
    [InlineData(429, "7", 7)]
    [InlineData(503, "120", 120)]
    [InlineData(503, null, null)]
    public async Task Send_Throttled_IsTransientWithRetryAfter(int status, string? retryAfter, int? expectedSeconds)
    {
        await using var graph = await FakeGraph.StartAsync();
        graph.Responses.Enqueue((status, retryAfter));
        using var http = new HttpClient();
        var transport = new GraphSendMailTransport(http, new StaticTokenSource("t"), new GraphSendMailOptions { BaseUrl = graph.BaseUrl });

        var error = await Assert.ThrowsAsync<MailTransientException>(() => transport.SendAsync(MailEnvelope.Create(Samples.Plain("ada@example.org"))));

        Assert.Equal(expectedSeconds is null ? null : TimeSpan.FromSeconds(expectedSeconds.Value), error.RetryAfter);
    }

    [Fact]
    public async Task Send_RetryAfterAsDate_IsDelayFromNow()
    {
        await using var graph = await FakeGraph.StartAsync();
        var now = new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero);
        graph.Responses.Enqueue((429, now.AddSeconds(30).ToString("R")));
        using var http = new HttpClient();
        var transport = new GraphSendMailTransport(http, new StaticTokenSource("t"), new GraphSendMailOptions { BaseUrl = graph.BaseUrl }, new FakeTimeProvider(now));

        var error = await Assert.ThrowsAsync<MailTransientException>(() => transport.SendAsync(MailEnvelope.Create(Samples.Plain("ada@example.org"))));

        Assert.Equal(TimeSpan.FromSeconds(30), error.RetryAfter);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(403)]
    [InlineData(404)]
    public async Task Send_ClientError_IsPermanent(int status)
    {
        await using var graph = await FakeGraph.StartAsync();
        graph.Responses.Enqueue((status, null));
        using var http = new HttpClient();
        var transport = new GraphSendMailTransport(http, new StaticTokenSource("t"), new GraphSendMailOptions { BaseUrl = graph.BaseUrl });

        var error = await Assert.ThrowsAsync<MailPermanentException>(() => transport.SendAsync(MailEnvelope.Create(Samples.Plain("ada@example.org"))));

        Assert.Contains(status.ToString(), error.Message);
    }

    [Fact]
    public async Task Send_GraphUnreachable_IsTransient()
    {
        using var http = new HttpClient();
        var transport = new GraphSendMailTransport(http, new StaticTokenSource("t"), new GraphSendMailOptions { BaseUrl = new Uri($"http://127.0.0.1:{SmtpSink.FreePort()}/") });

        await Assert.ThrowsAsync<MailTransientException>(() => transport.SendAsync(MailEnvelope.Create(Samples.Plain("ada@example.org"))));
    }
}
