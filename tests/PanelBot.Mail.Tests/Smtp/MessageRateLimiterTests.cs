namespace PanelBot.Mail.Tests;

public sealed class MessageRateLimiterTests
{
    [Fact]
    public async Task Wait_SixtyPerMinute_SpacesMessagesOneSecondApart()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        var limiter = new MessageRateLimiter(60, time);

        var first = limiter.WaitAsync(CancellationToken.None);
        var second = limiter.WaitAsync(CancellationToken.None);
        var third = limiter.WaitAsync(CancellationToken.None);

        Assert.True(first.IsCompletedSuccessfully);
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await second;
        Assert.False(third.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));
        await third;
    }

    [Fact]
    public void Wait_AfterIdlePeriod_DoesNotBurst()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 21, 12, 0, 0, TimeSpan.Zero));
        var limiter = new MessageRateLimiter(60, time);
        limiter.WaitAsync(CancellationToken.None);
        time.Advance(TimeSpan.FromMinutes(5));

        Assert.True(limiter.WaitAsync(CancellationToken.None).IsCompleted);
        Assert.False(limiter.WaitAsync(CancellationToken.None).IsCompleted);
    }
}
