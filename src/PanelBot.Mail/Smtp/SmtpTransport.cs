using MailKit.Net.Smtp;

namespace PanelBot.Mail;

/// <summary>
/// SMTP through MailKit (STARTTLS/implicit TLS, AUTH PLAIN/LOGIN/XOAUTH2, PIPELINING) over a small pool of sessions
/// and an optional rate limit. Thread-safe: concurrent sends use up to MaxConnections sessions.
/// </summary>
public sealed class SmtpTransport : IMailTransport, IAsyncDisposable
{
    private readonly SmtpConnectionPool _pool;
    private readonly MessageRateLimiter? _rateLimiter;

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
        _pool = new SmtpConnectionPool(options, accessTokenProvider);
        _rateLimiter = options.MessagesPerMinute > 0 ? new MessageRateLimiter(options.MessagesPerMinute, timeProvider ?? TimeProvider.System) : null;
    }

    public string Name => "smtp";

    public SmtpOptions Options { get; }

    /// <summary>Open sessions waiting in the pool.</summary>
    public int IdleConnections => _pool.IdleCount;

    public async Task<MailSendResult> SendAsync(MailEnvelope envelope, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        if (envelope.Recipients.Count == 0)
        {
            throw new ArgumentException("The envelope has no recipients.", nameof(envelope));
        }

        if (_rateLimiter is not null)
        {
            await _rateLimiter.WaitAsync(cancellationToken);
        }

        var (session, reused) = await _pool.RentAsync(fresh: false, cancellationToken);
        try
        {
            return await SendOnAsync(session, envelope, cancellationToken);
        }
        catch (SmtpTransientException exception) when (reused && exception.SafeToRetry)
        {
            // A pooled session the server had already dropped; no content was sent, so one fresh try is safe.
        }
        finally
        {
            await _pool.ReturnAsync(session);
        }

        var (fresh, _) = await _pool.RentAsync(fresh: true, cancellationToken);
        try
        {
            return await SendOnAsync(fresh, envelope, cancellationToken);
        }
        finally
        {
            await _pool.ReturnAsync(fresh);
        }
    }

    public ValueTask DisposeAsync() => _pool.DisposeAsync();

    private async Task<MailSendResult> SendOnAsync(SmtpSession session, MailEnvelope envelope, CancellationToken cancellationToken)
    {
        if (session.Capabilities.HasFlag(SmtpCapabilities.Size) && session.MaxSize > 0 && envelope.Mime.Length > session.MaxSize)
        {
            throw new SmtpPermanentException($"Message of {envelope.Mime.Length} bytes exceeds the server limit of {session.MaxSize}.", 552);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Options.Timeout);
        var contentSent = false;
        try
        {
            var reply = await session.SendAsync(envelope, () => contentSent = true, timeout.Token);
            var rejected = session.Rejected.ToArray();
            var accepted = envelope.Recipients
                .Where(r => !rejected.Any(x => string.Equals(x.Recipient.Address, r.Address, StringComparison.OrdinalIgnoreCase)))
                .ToArray();
            return new MailSendResult(envelope.MessageId, accepted, rejected, reply);
        }
        catch (Exception exception) when (exception is not ArgumentException)
        {
            var classified = SmtpErrors.Classify(exception, cancellationToken, "sending", session.Rejected);
            if (classified is SmtpTransientException { ReplyCode: null or 421 } broken)
            {
                // 421: the server is closing the channel (often an idle pooled session being timed out).
                session.IsBroken = true;
                broken.SafeToRetry = !contentSent;
            }
            else if (!session.IsConnected || exception is OperationCanceledException)
            {
                session.IsBroken = true;
            }

            throw classified;
        }
    }
}
