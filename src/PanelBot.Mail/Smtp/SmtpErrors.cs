using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace PanelBot.Mail;

/// <summary>
/// MailKit's exceptions in our taxonomy: a 4xx reply, a dropped connection, a protocol error or a timeout is worth
/// another try (RFC 5321 §4.2.1: 4yz is a transient negative completion); a 5xx reply, refused credentials or an
/// untrusted certificate is not.
/// </summary>
internal static class SmtpErrors
{
    public static Exception Classify(Exception exception, CancellationToken callerToken, string what, IReadOnlyList<RecipientFailure> rejected) => exception switch
    {
        MailTransportException or ArgumentException => exception,
        OperationCanceledException when callerToken.IsCancellationRequested => exception,
        SmtpCommandException { ErrorCode: SmtpErrorCode.MessageNotAccepted } when rejected.Count > 0 => RecipientsRejected(rejected),
        SmtpCommandException command => Reply((int)command.StatusCode, $"SMTP {What(command.ErrorCode)} while {what}: {(int)command.StatusCode} {command.Message}", command),
        AuthenticationException auth => new SmtpPermanentException($"SMTP AUTH refused while {what}: {auth.Message}", 535, auth),
        SslHandshakeException tls => new MailPermanentException($"TLS handshake failed while {what}: {tls.Message}", tls),
        NotSupportedException unsupported => new SmtpPermanentException($"SMTP server cannot do what is configured ({what}): {unsupported.Message}", 530, unsupported),
        OperationCanceledException or TimeoutException => new SmtpTransientException($"SMTP timed out while {what}.", null, exception),
        SmtpProtocolException or ServiceNotConnectedException or IOException or SocketException or ObjectDisposedException
            => new SmtpTransientException($"SMTP connection failed while {what}: {exception.Message}", null, exception),
        _ => exception,
    };

    private static MailTransportException Reply(int code, string message, Exception inner) =>
        code is >= 400 and < 500
            ? new SmtpTransientException(message, code, inner)
            : new SmtpPermanentException(message, code is >= 500 and < 600 ? code : 554, inner);

    private static MailTransportException RecipientsRejected(IReadOnlyList<RecipientFailure> rejected)
    {
        var failures = rejected.ToArray();
        var message = "SMTP refused every recipient: " + string.Join("; ", failures.Select(r => $"{r.Recipient.Address} {r.ReplyCode} {r.Reply}"));
        return failures.Any(r => !r.IsPermanent)
            ? new SmtpTransientException(message, failures.First(r => !r.IsPermanent).ReplyCode) { FailedRecipients = failures }
            : new SmtpPermanentException(message, failures[0].ReplyCode) { FailedRecipients = failures };
    }

    private static string What(SmtpErrorCode code) => code switch
    {
        SmtpErrorCode.SenderNotAccepted => "MAIL FROM refused",
        SmtpErrorCode.RecipientNotAccepted => "RCPT TO refused",
        SmtpErrorCode.MessageNotAccepted => "message refused",
        _ => "unexpected reply",
    };
}
