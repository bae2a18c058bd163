using System.Collections.Concurrent;
using System.Diagnostics;

namespace PanelBot.Mail;

/// <summary>
/// Up to <see cref="SmtpOptions.MaxConnections"/> MailKit sessions, reused between messages. Broken or long-idle
/// sessions are dropped; the rest say QUIT on dispose.
/// </summary>
internal sealed class SmtpConnectionPool : IAsyncDisposable
{
    private readonly SmtpOptions _options;
    private readonly Func<CancellationToken, ValueTask<string>>? _accessTokenProvider;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentStack<SmtpSession> _idle = new();
    private int _disposed;

    public SmtpConnectionPool(SmtpOptions options, Func<CancellationToken, ValueTask<string>>? accessTokenProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConnections, 1);
        _options = options;
        _accessTokenProvider = accessTokenProvider;
        _slots = new SemaphoreSlim(options.MaxConnections, options.MaxConnections);
    }

    public int IdleCount => _idle.Count;

    /// <summary>Waits for a free slot, then returns an idle session (unless <paramref name="fresh"/>) or opens a new one.</summary>
    public async Task<(SmtpSession Session, bool Reused)> RentAsync(bool fresh, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        await _slots.WaitAsync(cancellationToken);
        try
        {
            while (!fresh && _idle.TryPop(out var session))
            {
                if (session.IsConnected && Stopwatch.GetElapsedTime(session.LastUsedTimestamp) < _options.IdleTimeout)
                {
                    return (session, true);
                }

                await CloseAsync(session);
            }

            return (await OpenAsync(cancellationToken), false);
        }
        catch
        {
            _slots.Release();
            throw;
        }
    }

    public async Task ReturnAsync(SmtpSession session)
    {
        try
        {
            if (session.IsBroken || !session.IsConnected || Volatile.Read(ref _disposed) != 0)
            {
                await CloseAsync(session);
            }
            else
            {
                session.LastUsedTimestamp = Stopwatch.GetTimestamp();
                _idle.Push(session);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        while (_idle.TryPop(out var session))
        {
            await CloseAsync(session);
        }
    }

    private async Task<SmtpSession> OpenAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.Timeout);
        try
        {
            return await SmtpSession.OpenAsync(_options, _accessTokenProvider, timeout.Token);
        }
        catch (Exception exception)
        {
            throw SmtpErrors.Classify(exception, cancellationToken, $"connecting to {_options.Host}:{_options.Port}", []);
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
