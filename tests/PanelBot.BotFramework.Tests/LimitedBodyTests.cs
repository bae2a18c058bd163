using PanelBot.BotFramework.Hosting;

namespace PanelBot.BotFramework.Tests;

/// <summary>The body reader grows its pooled buffer as a body arrives in pieces, and stops at the limit.</summary>
public sealed class LimitedBodyTests
{
    [Theory]
    [InlineData(0, 1024)]
    [InlineData(8 * 1024, 8 * 1024)] // exactly the first buffer, and exactly the limit
    [InlineData(100_000, 1_000_000)] // several doublings, read in odd-sized pieces
    public async Task ReadsTheWholeBody_UpToAndIncludingTheLimit(int size, int limit)
    {
        var bytes = Enumerable.Range(0, size).Select(i => (byte)(i * 31 % 251)).ToArray();
        var read = await LimitedBody.ReadAsync(new Trickle(bytes, piece: 3001), limit, CancellationToken.None);
        Assert.Equal(bytes, read);
    }

    [Fact]
    public async Task OneByteOverTheLimit_IsNull()
    {
        Assert.Null(await LimitedBody.ReadAsync(new Trickle(new byte[20_001], piece: 4096), 20_000, CancellationToken.None));
    }

    /// <summary>A stream that hands out at most <paramref name="piece"/> bytes per read, as a network body does.</summary>
    private sealed class Trickle(byte[] bytes, int piece) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, piece)], cancellationToken);
    }
}
