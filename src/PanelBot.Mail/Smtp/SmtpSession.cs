using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace PanelBot.Mail;

/// <summary>
/// One MailKit <see cref="SmtpClient"/> session, connected over our own socket with <c>NoDelay</c>: MailKit's own
/// connect leaves Nagle on, and every message then waits for the server's delayed ACK (about 40 ms); writes go
/// through a <see cref="WriteCoalescingStream"/>, one send call per flush. Refused
/// recipients are collected instead of failing the message, so it is delivered to the others.
/// Not thread-safe: the pool hands it to one sender at a time.
/// </summary>
internal sealed class SmtpSession : SmtpClient
{
    private readonly List<RecipientFailure> _rejected = [];
    private readonly StoredMessage _stored = new();

    private SmtpSession()
    {
    }

    public long LastUsedTimestamp { get; set; }

    /// <summary>Set when the session must not be reused (a broken connection, a 421, a timeout).</summary>
    public bool IsBroken { get; set; }

    public IReadOnlyList<RecipientFailure> Rejected => _rejected;

    public static async Task<SmtpSession> OpenAsync(
        SmtpOptions options,
        Func<CancellationToken, ValueTask<string>>? accessTokenProvider,
        CancellationToken cancellationToken)
    {
        var session = new SmtpSession
        {
            LocalDomain = options.ClientName,
            Timeout = (int)options.Timeout.TotalMilliseconds,
        };
        if (options.AcceptAnyCertificate)
        {
            session.ServerCertificateValidationCallback = (_, _, _, _) => true;
        }

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, cancellationToken);
            // The socket goes in as .NET's NetworkStream rather than as a Socket: MailKit wraps a Socket in its own stream,
            // which allocates a task source and two CancellationTokenSources per read and write and reads the socket
            // timeout with a getsockopt call each time; .NET's stream reuses its awaitables. Timeouts stay with us: the
            // pool bounds connecting and each send runs under SmtpTransport's deadline, which cancels a stuck read.
            var stream = new WriteCoalescingStream(new NetworkStream(socket, ownsSocket: true));
            await session.ConnectAsync(stream, options.Host, options.Port, Security(options.Security), cancellationToken);
            if (options.UserName is not null)
            {
                await session.AuthenticateAsync(Mechanism(options, session, await TokenAsync(options, accessTokenProvider, cancellationToken)), cancellationToken);
            }

            return session;
        }
        catch
        {
            session.Dispose();
            socket.Dispose();
            throw;
        }
    }

    /// <summary>One transaction; the stored bytes are written back unchanged (<see cref="MailFormat.Wire"/>).</summary>
    /// <param name="onContentSent">Called once the first byte of the message content has been written.</param>
    public async Task<string> SendAsync(MailEnvelope envelope, Action onContentSent, CancellationToken cancellationToken)
    {
        _rejected.Clear();
        // Most stored messages need no MIME parse: MailKit writes their bytes straight from the outbox row, and the
        // message is not measured a second time for SIZE= (see GetSizeAsync).
        var stored = _stored.TryLoad(envelope.Mime, onContentSent);
        if (stored is not null)
        {
            try
            {
                return await SendAsync(MailFormat.Wire, stored, envelope.Sender, envelope.Recipients, cancellationToken);
            }
            finally
            {
                _stored.Clear();
            }
        }

        using var stream = MailFormat.OpenRead(envelope.Mime);
        using var message = MailFormat.LoadPersistent(stream);
        return await SendAsync(MailFormat.Wire, message, envelope.Sender, envelope.Recipients, cancellationToken, new ContentProgress(onContentSent));
    }

    protected override Task<long> GetSizeAsync(FormatOptions options, MimeMessage message, CancellationToken cancellationToken) =>
        StoredMessage.Size(message) is { } size ? Task.FromResult(size) : base.GetSizeAsync(options, message, cancellationToken);

    protected override long GetSize(FormatOptions options, MimeMessage message, CancellationToken cancellationToken) =>
        StoredMessage.Size(message) ?? base.GetSize(options, message, cancellationToken);

    protected override void OnRecipientNotAccepted(MimeMessage message, MailboxAddress mailbox, SmtpResponse response) =>
        _rejected.Add(new RecipientFailure(mailbox, (int)response.StatusCode, response.Response));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _stored.Dispose();
        }

        base.Dispose(disposing);
    }

    private static SecureSocketOptions Security(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTls,
    };

    private static async ValueTask<string?> TokenAsync(SmtpOptions options, Func<CancellationToken, ValueTask<string>>? provider, CancellationToken cancellationToken)
    {
        var wantsToken = options.AuthMechanism == SmtpAuthMechanism.XOAuth2 || (options.AuthMechanism == SmtpAuthMechanism.Auto && provider is not null);
        if (!wantsToken)
        {
            return null;
        }

        return provider is null ? throw new MailPermanentException("XOAUTH2 needs an access token provider.") : await provider(cancellationToken);
    }

    private static SaslMechanism Mechanism(SmtpOptions options, SmtpSession session, string? token)
    {
        var credentials = new System.Net.NetworkCredential(options.UserName, options.Password ?? "");
        if (token is not null)
        {
            return new SaslMechanismOAuth2(options.UserName!, token);
        }

        var offered = session.AuthenticationMechanisms;
        return options.AuthMechanism switch
        {
            SmtpAuthMechanism.Plain => new SaslMechanismPlain(credentials),
            SmtpAuthMechanism.Login => new SaslMechanismLogin(credentials),
            _ when offered.Contains("PLAIN") => new SaslMechanismPlain(credentials),
            _ when offered.Contains("LOGIN") => new SaslMechanismLogin(credentials),
            _ => throw new MailPermanentException(
                "The SMTP server offers no usable AUTH mechanism (PLAIN or LOGIN)"
                + (session.Capabilities.HasFlag(SmtpCapabilities.StartTLS) ? "; it offers STARTTLS, which may be required first." : ".")),
        };
    }

    private sealed class ContentProgress(Action onContentSent) : ITransferProgress
    {
        private bool _reported;

        public void Report(long bytesTransferred, long totalSize) => Report(bytesTransferred);

        public void Report(long bytesTransferred)
        {
            if (!_reported && bytesTransferred > 0)
            {
                _reported = true;
                onContentSent();
            }
        }
    }
}
