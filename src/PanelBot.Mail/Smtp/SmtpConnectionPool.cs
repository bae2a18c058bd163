using System.Collections.Concurrent;
using System.Diagnostics;

namespace PanelBot.Mail;

/// <summary>
/// Up to <see cref="SmtpOptions.MaxConnections"/> sessions, reused between messages (a new
/// MAIL FROM starts a new transaction, so no RSET is needed). Broken or long-idle sessions are
/// dropped; the rest say QUIT on dispose.
/// </summary>
public sealed class SmtpConnectionPool : IAsyncDisposable
{
    private readonly SmtpOptions options;
    private readonly Func<CancellationToken, ValueTask<string>>? accessTokenProvider;
    private readonly SemaphoreSlim slots;
    private readonly ConcurrentStack<SmtpConnection> idle = new();
    private int disposed;

    public SmtpConnectionPool(SmtpOptions options, Func<CancellationToken, ValueTask<string>>? accessTokenProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConnections, 1);
        this.options = options;
        this.accessTokenProvider = accessTokenProvider;
        slots = new SemaphoreSlim(options.MaxConnections, options.MaxConnections);
    }

    public int IdleCount => idle.Count;

    /// <summary>Waits for a free slot, then returns an idle session (unless <paramref name="fresh"/>) or opens a new one.</summary>
    internal async Task<(SmtpConnection Connection, bool Reused)> RentAsync(bool fresh, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        await slots.WaitAsync(cancellationToken);
        try
        {
            while (!fresh && idle.TryPop(out var connection))
            {
                if (Stopwatch.GetElapsedTime(connection.LastUsedTimestamp) < options.IdleTimeout)
                {
                    return (connection, true);
                }

                await CloseAsync(connection);
            }

            return (await SmtpConnection.OpenAsync(options, accessTokenProvider, cancellationToken), false);
        }
        catch
        {
            slots.Release();
            throw;
        }
    }

    internal async Task ReturnAsync(SmtpConnection connection)
    {
        try
        {
            if (connection.IsBroken || Volatile.Read(ref disposed) != 0)
            {
                await CloseAsync(connection);
            }
            else
            {
                connection.LastUsedTimestamp = Stopwatch.GetTimestamp();
                idle.Push(connection);
            }
        }
        finally
        {
            slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) != 0)
        {
            return;
        }

        while (idle.TryPop(out var connection))
        {
            await CloseAsync(connection);
        }
    }

    private async Task CloseAsync(SmtpConnection connection)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await connection.QuitAsync(timeout.Token);
        await connection.DisposeAsync();
    }
}
