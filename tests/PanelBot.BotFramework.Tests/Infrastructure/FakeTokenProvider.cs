namespace PanelBot.BotFramework.Tests.Infrastructure;

/// <summary>Hands out a fixed bot token and counts calls.</summary>
public sealed class FakeTokenProvider : IBotTokenProvider
{
    public const string Token = "fake-bot-token";
    private int _calls;

    public int Calls => _calls;

    public Task<string> GetAccessTokenAsync(CancellationToken ct = default)
    {
        Interlocked.Increment(ref _calls);
        return Task.FromResult(Token);
    }
}
