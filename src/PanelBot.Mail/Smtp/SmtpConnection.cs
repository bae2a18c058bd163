using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;

namespace PanelBot.Mail;

/// <summary>
/// One authenticated SMTP session. Not thread-safe: the pool hands it to one sender at a time.
/// Any I/O error or timeout marks it <see cref="IsBroken"/>; the pool then discards it.
/// </summary>
internal sealed class SmtpConnection : IAsyncDisposable
{
    private readonly Socket socket;
    private readonly SmtpChannel channel;
    private readonly SmtpOptions options;

    private SmtpConnection(Socket socket, SmtpChannel channel, SmtpOptions options)
    {
        this.socket = socket;
        this.channel = channel;
        this.options = options;
    }

    public SmtpCapabilities Capabilities { get; private set; } = SmtpCapabilities.None;

    public bool IsBroken { get; private set; }

    public long LastUsedTimestamp { get; set; }

    public static async Task<SmtpConnection> OpenAsync(
        SmtpOptions options,
        Func<CancellationToken, ValueTask<string>>? accessTokenProvider,
        CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        SmtpConnection? connection = null;
        try
        {
            await socket.ConnectAsync(options.Host, options.Port, timeout.Token);
            Stream stream = new NetworkStream(socket, ownsSocket: false);
            if (options.Security == SmtpSecurity.Tls)
            {
                stream = await AuthenticateTlsAsync(stream, options, timeout.Token);
            }

            connection = new SmtpConnection(socket, new SmtpChannel(stream), options);
            await connection.HandshakeAsync(accessTokenProvider, timeout.Token);
            return connection;
        }
        catch (Exception exception)
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
            else
            {
                socket.Dispose();
            }

            throw Classify(exception, cancellationToken, $"connecting to {options.Host}:{options.Port}");
        }
    }

    /// <summary>One transaction: MAIL FROM, RCPT TO per recipient, DATA (pipelined when offered).</summary>
    public async Task<MailSendResult> SendAsync(MailEnvelope envelope, CancellationToken cancellationToken)
    {
        if (envelope.Recipients.Count == 0)
        {
            throw new ArgumentException("The envelope has no recipients.", nameof(envelope));
        }

        if (Capabilities.MaxSize is { } max && envelope.Mime.Length > max)
        {
            throw new SmtpPermanentException($"Message of {envelope.Mime.Length} bytes exceeds the server limit of {max}.", 552);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var dataSent = false;
        try
        {
            var result = await TransactAsync(envelope, () => dataSent = true, timeout.Token);
            return result;
        }
        catch (Exception exception) when (exception is not MailTransportException and not ArgumentException)
        {
            IsBroken = true;
            var classified = Classify(exception, cancellationToken, "sending");
            if (classified is SmtpTransientException transient && !dataSent)
            {
                transient.SafeToRetry = true;
            }

            throw classified;
        }
        catch (SmtpTransientException exception) when (exception.ReplyCode == 421)
        {
            // 421: the server is closing the channel (often an idle pooled session being timed out).
            IsBroken = true;
            exception.SafeToRetry = !dataSent;
            throw;
        }
    }

    public async Task QuitAsync(CancellationToken cancellationToken)
    {
        if (IsBroken)
        {
            return;
        }

        try
        {
            channel.WriteCommand("QUIT");
            await channel.FlushAsync(cancellationToken);
            await channel.ReadReplyAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The server may already have gone; QUIT is a courtesy.
        }

        IsBroken = true;
    }

    public async ValueTask DisposeAsync()
    {
        IsBroken = true;
        await channel.Stream.DisposeAsync();
        socket.Dispose();
    }

    private async Task<MailSendResult> TransactAsync(MailEnvelope envelope, Action onDataSent, CancellationToken cancellationToken)
    {
        var mailFrom = $"MAIL FROM:<{envelope.Sender.Value}>" + (Capabilities.MaxSize is null ? "" : $" SIZE={envelope.Mime.Length}");
        SmtpReply mailReply;
        var rcptReplies = new SmtpReply[envelope.Recipients.Count];
        SmtpReply? dataReply = null;
        if (Capabilities.Pipelining)
        {
            // RFC 2920: MAIL, every RCPT and DATA in one write, then read the replies in order.
            channel.WriteCommand(mailFrom);
            foreach (var recipient in envelope.Recipients)
            {
                channel.WriteCommand($"RCPT TO:<{recipient.Value}>");
            }

            channel.WriteCommand("DATA");
            await channel.FlushAsync(cancellationToken);
            mailReply = await channel.ReadReplyAsync(cancellationToken);
            for (var i = 0; i < rcptReplies.Length; i++)
            {
                rcptReplies[i] = await channel.ReadReplyAsync(cancellationToken);
            }

            dataReply = await channel.ReadReplyAsync(cancellationToken);
        }
        else
        {
            mailReply = await CommandAsync(mailFrom, cancellationToken);
            if (mailReply.IsPositive)
            {
                for (var i = 0; i < rcptReplies.Length; i++)
                {
                    rcptReplies[i] = await CommandAsync($"RCPT TO:<{envelope.Recipients[i].Value}>", cancellationToken);
                }
            }
        }

        if (!mailReply.IsPositive)
        {
            await AbortAsync(dataReply, cancellationToken);
            throw Rejected(mailReply, $"MAIL FROM:<{envelope.Sender.Value}> refused");
        }

        var accepted = new List<EmailAddress>(rcptReplies.Length);
        var rejected = new List<RecipientFailure>();
        for (var i = 0; i < rcptReplies.Length; i++)
        {
            if (rcptReplies[i].IsPositive)
            {
                accepted.Add(envelope.Recipients[i]);
            }
            else
            {
                rejected.Add(new RecipientFailure(envelope.Recipients[i], rcptReplies[i].Code, string.Join(" ", rcptReplies[i].Lines)));
            }
        }

        if (accepted.Count == 0)
        {
            await AbortAsync(dataReply, cancellationToken);
            throw RecipientsRejected(rejected);
        }

        dataReply ??= await CommandAsync("DATA", cancellationToken);
        if (dataReply.Value.Code != 354)
        {
            await AbortAsync(null, cancellationToken);
            throw Rejected(dataReply.Value, "DATA refused");
        }

        onDataSent();
        await channel.WriteDataAsync(envelope.Mime, cancellationToken);
        await channel.FlushAsync(cancellationToken);
        var final = await channel.ReadReplyAsync(cancellationToken);
        if (final.Code != 250)
        {
            if (final.Code == 421)
            {
                IsBroken = true;
            }

            throw Rejected(final, "message refused after DATA");
        }

        return new MailSendResult(envelope.MessageId, accepted, rejected, final.ToString());
    }

    /// <summary>Leaves the session clean for the next message after a refused transaction.</summary>
    private async Task AbortAsync(SmtpReply? dataReply, CancellationToken cancellationToken)
    {
        if (dataReply is { Code: 354 })
        {
            // The server accepted DATA despite failures: end an empty message, as RFC 2920 §3.1 requires.
            channel.WriteCommand(".");
            await channel.FlushAsync(cancellationToken);
            await channel.ReadReplyAsync(cancellationToken);
        }

        var reset = await CommandAsync("RSET", cancellationToken);
        if (!reset.IsPositive)
        {
            IsBroken = true;
        }
    }

    private async Task HandshakeAsync(Func<CancellationToken, ValueTask<string>>? accessTokenProvider, CancellationToken cancellationToken)
    {
        var greeting = await channel.ReadReplyAsync(cancellationToken);
        if (greeting.Code != 220)
        {
            throw Rejected(greeting, "server greeting");
        }

        await HelloAsync(cancellationToken);
        if (options.Security == SmtpSecurity.StartTls)
        {
            if (!Capabilities.StartTls)
            {
                throw new SmtpPermanentException($"{options.Host} does not offer STARTTLS.", 530);
            }

            var reply = await CommandAsync("STARTTLS", cancellationToken);
            if (reply.Code != 220)
            {
                throw Rejected(reply, "STARTTLS");
            }

            channel.Upgrade(await AuthenticateTlsAsync(channel.Stream, options, cancellationToken));
            await HelloAsync(cancellationToken);
        }

        if (options.UserName is not null)
        {
            await SmtpAuthenticator.AuthenticateAsync(this, options, Capabilities, accessTokenProvider, cancellationToken);
        }
    }

    private async Task HelloAsync(CancellationToken cancellationToken)
    {
        var ehlo = await CommandAsync($"EHLO {options.ClientName}", cancellationToken);
        if (ehlo.Code == 250)
        {
            Capabilities = SmtpCapabilities.Parse(ehlo);
            return;
        }

        var helo = await CommandAsync($"HELO {options.ClientName}", cancellationToken);
        if (helo.Code != 250)
        {
            throw Rejected(helo, "HELO");
        }

        Capabilities = SmtpCapabilities.None;
    }

    internal async Task<SmtpReply> CommandAsync(string command, CancellationToken cancellationToken)
    {
        channel.WriteCommand(command);
        await channel.FlushAsync(cancellationToken);
        return await channel.ReadReplyAsync(cancellationToken);
    }

    internal static MailTransportException Rejected(SmtpReply reply, string what)
    {
        var message = $"SMTP {what}: {reply}";
        return reply.IsTransient
            ? new SmtpTransientException(message, reply.Code)
            : new SmtpPermanentException(message, reply.Code);
    }

    private static MailTransportException RecipientsRejected(List<RecipientFailure> rejected)
    {
        var message = "SMTP refused every recipient: " + string.Join("; ", rejected.Select(r => $"{r.Recipient} {r.ReplyCode} {r.Reply}"));
        return rejected.Any(r => !r.IsPermanent)
            ? new SmtpTransientException(message, rejected.First(r => !r.IsPermanent).ReplyCode) { FailedRecipients = rejected }
            : new SmtpPermanentException(message, rejected[0].ReplyCode) { FailedRecipients = rejected };
    }

    private static async Task<Stream> AuthenticateTlsAsync(Stream inner, SmtpOptions options, CancellationToken cancellationToken)
    {
        var tls = new SslStream(inner, leaveInnerStreamOpen: false);
        await tls.AuthenticateAsClientAsync(
            new SslClientAuthenticationOptions
            {
                TargetHost = options.Host,
                RemoteCertificateValidationCallback = options.AcceptAnyCertificate ? (_, _, _, _) => true : null,
            },
            cancellationToken);
        return tls;
    }

    private static Exception Classify(Exception exception, CancellationToken callerToken, string what) => exception switch
    {
        MailTransportException or ArgumentException => exception,
        OperationCanceledException when callerToken.IsCancellationRequested => exception,
        OperationCanceledException => new SmtpTransientException($"SMTP timed out while {what}.", null, exception),
        AuthenticationException => new MailPermanentException($"TLS handshake failed while {what}: {exception.Message}", exception),
        IOException or SocketException or ObjectDisposedException => new SmtpTransientException($"SMTP connection failed while {what}: {exception.Message}", null, exception),
        _ => exception,
    };
}
