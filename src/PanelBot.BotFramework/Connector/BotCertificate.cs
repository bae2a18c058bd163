using System.Security.Cryptography.X509Certificates;

namespace PanelBot.BotFramework.Connector;

/// <summary>
/// The app registration's certificate with its private key: a PFX file (<c>MicrosoftAppCertificatePath</c>, with
/// <c>MicrosoftAppCertificatePassword</c>), or by thumbprint (<c>MicrosoftAppCertificateThumbprint</c>) from the
/// CurrentUser/LocalMachine "My" stores, or from /var/ssl/private/{thumbprint}.p12 where Linux App Service puts
/// certificates named in WEBSITE_LOAD_CERTIFICATES
/// (https://learn.microsoft.com/azure/app-service/configure-ssl-certificate-in-code).
/// </summary>
internal static class BotCertificate
{
    public static X509Certificate2 Load(BotFrameworkOptions o)
    {
        if (!string.IsNullOrWhiteSpace(o.MicrosoftAppCertificatePath))
        {
            return X509CertificateLoader.LoadPkcs12FromFile(o.MicrosoftAppCertificatePath, o.MicrosoftAppCertificatePassword);
        }

        var thumbprint = o.MicrosoftAppCertificateThumbprint!.Trim();
        foreach (var location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            try
            {
                using var store = new X509Store(StoreName.My, location);
                store.Open(OpenFlags.ReadOnly);
                var found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
                if (found.Count > 0)
                {
                    return found[0];
                }
            }
            catch (System.Security.Cryptography.CryptographicException)
            {
                // This store does not exist on this platform (e.g. LocalMachine\My on Linux); try the next place.
            }
        }

        var appService = Path.Combine("/var/ssl/private", thumbprint + ".p12");
        return File.Exists(appService)
            ? X509CertificateLoader.LoadPkcs12FromFile(appService, null)
            : throw new InvalidOperationException($"No certificate with thumbprint {thumbprint} was found.");
    }
}
