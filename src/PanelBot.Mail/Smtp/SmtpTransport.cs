namespace PanelBot.Mail;

/// <summary>
/// Our own SMTP client (RFC 5321 + PIPELINING, STARTTLS/implicit TLS, AUTH PLAIN/LOGIN/XOAUTH2)
/// over a small connection pool. Thread-safe: concurrent sends use up to MaxConnections sessions.
/// </summary>
public sealed class SmtpTransport : IMailTransport, IAsyncDisposable
{
    private readonly SmtpConnectionPool pool;
    private readonly MessageRateLimiter? rateLimiter;

    /// <param name="accessTokenProvider">Bearer token for XOAUTH2 (e.g. <see cref="MsalAccessTokenSource.GetAccessTokenAsync"/>).</param>
    public SmtpTransport(
        SmtpOptions options,
        Func<CancellationToken, ValueTask<string>>? accessTokenProvider = null,
        TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.Host);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MessagesPerMinute);
        Options = options;
        pool = new SmtpConnectionPool(options, accessTokenProvider);
        rateLimiter = options.MessagesPerMinute > 0 ? new MessageRateLimiter(options.MessagesPerMinute, timeProvider ?? TimeProvider.System) : null;
    }

    public string Name => "smtp";

    public SmtpOptions Options { get; }

    /// <summary>Open sessions waiting in the pool.</summary>
    public int IdleConnections => pool.IdleCount;

    public async Task<MailSendResult> SendAsync(MailEnvelope envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (rateLimiter is not null)
        {
            await rateLimiter.WaitAsync(cancellationToken);
        }

        var (connection, reused) = await pool.RentAsync(fresh: false, cancellationToken);
        try
        {
            return await connection.SendAsync(envelope, cancellationToken);
        }
        catch (SmtpTransientException exception) when (reused && exception.SafeToRetry)
        {
            // A pooled session the server had already dropped; nothing was sent, so one fresh try is safe.
        }
        finally
        {
            await pool.ReturnAsync(connection);
        }

        var (fresh, _) = await pool.RentAsync(fresh: true, cancellationToken);
        try
        {
            return await fresh.SendAsync(envelope, cancellationToken);
        }
        finally
        {
            await pool.ReturnAsync(fresh);
        }
    }

    public ValueTask DisposeAsync() => pool.DisposeAsync();
}
