using System.Buffers;

namespace PanelBot.BotFramework.Hosting;

/// <summary>Reads a request body without trusting Content-Length.</summary>
internal static class LimitedBody
{
    private const int FirstBufferBytes = 8 * 1024;

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> bytes.</summary>
    /// <remarks>
    /// Read into pooled buffers and copied once into an array of the body's size: every turn comes through here, and a
    /// fresh chunk plus a growing stream per request was a large share of what a turn allocated.
    /// </remarks>
    public static async Task<byte[]?> ReadAsync(Stream body, long limit, CancellationToken ct)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(FirstBufferBytes);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await body.ReadAsync(buffer.AsMemory(length), ct);
                if (read == 0)
                {
                    return buffer.AsSpan(0, length).ToArray();
                }

                length += read;
                if (length > limit)
                {
                    return null;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
