using System.Collections.Concurrent;
using System.Diagnostics;

namespace PanelBot.Mail;

/// <summary>
/// Up to <see cref="SmtpOptions.MaxConnections"/> MailKit sessions, reused between messages. Broken or long-idle
/// sessions are dropped; the rest say QUIT on dispose.
/// </summary>
internal sealed class SmtpConnectionPool : IAsyncDisposable
{
    private readonly SmtpOptions options;
    private readonly Func<CancellationToken, ValueTask<string>>? accessTokenProvider;
    private readonly SemaphoreSlim slots;
    private readonly ConcurrentStack<SmtpSession> idle = new();
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
    public async Task<(SmtpSession Session, bool Reused)> RentAsync(bool fresh, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref disposed) != 0, this);
        await slots.WaitAsync(cancellationToken);
        try
        {
            while (!fresh && idle.TryPop(out var session))
            {
                if (session.IsConnected && Stopwatch.GetElapsedTime(session.LastUsedTimestamp) < options.IdleTimeout)
                {
                    return (session, true);
                }

                await CloseAsync(session);
            }

            return (await OpenAsync(cancellationToken), false);
        }
        catch
        {
            slots.Release();
            throw;
        }
    }

    public async Task ReturnAsync(SmtpSession session)
    {
        try
        {
            if (session.IsBroken || !session.IsConnected || Volatile.Read(ref disposed) != 0)
            {
                await CloseAsync(session);
            }
            else
            {
                session.LastUsedTimestamp = Stopwatch.GetTimestamp();
                idle.Push(session);
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

        while (idle.TryPop(out var session))
        {
            await CloseAsync(session);
        }
    }

    private async Task<SmtpSession> OpenAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            return await SmtpSession.OpenAsync(options, accessTokenProvider, timeout.Token);
        }
        catch (Exception exception)
        {
            throw SmtpErrors.Classify(exception, cancellationToken, $"connecting to {options.Host}:{options.Port}", []);
        }
    }

    private static async Task CloseAsync(SmtpSession session)
    {
        try
        {
            if (!session.IsBroken && session.IsConnected)
            {
                // QUIT is a courtesy; the server may already have gone.
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
                await session.DisconnectAsync(quit: true, timeout.Token);
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException or MailKit.ProtocolException or System.Net.Sockets.SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            session.Dispose();
        }
    }
}
