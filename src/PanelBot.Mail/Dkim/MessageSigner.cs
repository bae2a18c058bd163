using MimeKit;
using MimeKit.Cryptography;

namespace PanelBot.Mail;

/// <summary>
/// DKIM (RFC 6376) with MimeKit's <see cref="DkimSigner"/>: rsa-sha256, relaxed/relaxed canonicalisation, over the
/// headers a receiver shows or threads by. Sign before the bytes are stored, so every retry carries the same signature.
/// </summary>
public sealed class MessageSigner
{
    /// <summary>
    /// From is required by RFC 6376 §5.4; the rest are what a forged copy would change. MIME-Version (always "1.0")
    /// and Content-Class are left out: MimeKit 4.18 signs them as if absent (it looks for them among the body's
    /// headers) while it writes them at the top, so every verifier (dkimpy here) rejects the signature.
    /// </summary>
    public static readonly IReadOnlyList<string> SignedHeaders =
        ["From", "To", "Subject", "Date", "Message-ID", "Content-Type", "Auto-Submitted"];

    private readonly DkimSigner _signer;

    private MessageSigner(DkimSigner signer)
    {
        signer.HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed;
        signer.BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed;
        _signer = signer;
    }

    public string Domain => _signer.Domain;

    public string Selector => _signer.Selector;

    /// <param name="privateKeyPath">An RSA private key in PEM (PKCS#1 or PKCS#8).</param>
    public static MessageSigner FromPemFile(string privateKeyPath, string domain, string selector)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(privateKeyPath);
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        ArgumentException.ThrowIfNullOrWhiteSpace(selector);
        return new MessageSigner(new DkimSigner(privateKeyPath, domain, selector, DkimSignatureAlgorithm.RsaSha256));
    }

    /// <summary>Adds the DKIM-Signature header, computed over the bytes <see cref="MailFormat.Wire"/> writes.</summary>
    public void Sign(MimeMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        _signer.Sign(MailFormat.Wire, message, SignedHeaders.ToArray());
    }
}
