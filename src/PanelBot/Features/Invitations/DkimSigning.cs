using Microsoft.Extensions.Options;
using MimeKit;
using PanelBot.Mail;

namespace PanelBot.Features.Invitations;

/// <summary><c>Mail:Dkim</c> as a signer for the outbox: every message is signed before it is stored, so retries resend the same signature.</summary>
public sealed class DkimSigning
{
    public DkimSigning(IOptions<MailOptions> options, IHostEnvironment environment)
    {
        var dkim = options.Value.Dkim;
        Signer = dkim.IsConfigured ? MessageSigner.FromPemFile(KeyPath(dkim, environment), dkim.Domain!, dkim.Selector!) : null;
    }

    /// <summary>Null when DKIM is not configured.</summary>
    public MessageSigner? Signer { get; }

    public static string KeyPath(DkimSettings dkim, IHostEnvironment environment) =>
        Path.GetFullPath(Path.Combine(environment.ContentRootPath, dkim.PrivateKeyPath!));
}
