namespace PanelBot.Mail;

/// <summary>
/// Sends an already composed message. Composition is separate (<see cref="MailEnvelope.Create"/>)
/// so the app can store the exact bytes in an outbox and resend them unchanged.
/// </summary>
/// <remarks>
/// Throws <see cref="MailTransientException"/> when a retry may succeed and
/// <see cref="MailPermanentException"/> when it will not. A partial success (some recipients refused)
/// returns normally with <see cref="MailSendResult.Rejected"/> filled in.
/// </remarks>
public interface IMailTransport
{
    string Name { get; }

    Task<MailSendResult> SendAsync(MailEnvelope envelope, CancellationToken cancellationToken = default);
}
