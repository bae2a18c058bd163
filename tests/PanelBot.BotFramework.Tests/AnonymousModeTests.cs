using System.Net;
using PanelBot.BotFramework.Tests.Infrastructure;

namespace PanelBot.BotFramework.Tests;

/// <summary>Without MicrosoftAppId the endpoint accepts anonymous requests only.</summary>
public sealed class AnonymousModeTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Post_NoHeaderWithoutAppId_Returns200AnonymousTurn()
    {
        var response = await _host.Client.PostActivityAsync(Http.TeamsMessage());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var received = Assert.Single(_host.Bot.Received);
        Assert.Null(received.CallerId);
    }

    [Fact]
    public async Task Post_HeaderWithoutAppId_Returns401()
    {
        var response = await _host.Client.PostActivityAsync(Http.TeamsMessage(), "some.token.value");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_host.Bot.Received);
    }
}
