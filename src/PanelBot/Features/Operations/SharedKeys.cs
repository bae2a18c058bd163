using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using PanelBot.Storage;

namespace PanelBot.Features.Operations;

/// <summary>
/// The Data Protection key ring that signs export links. By default it is kept in the app's database, so a link made on
/// one instance opens on every other; with a certificate configured each key is encrypted to it before it is stored
/// (https://learn.microsoft.com/aspnet/core/security/data-protection/implementation/key-encryption-at-rest).
/// </summary>
public static class SharedKeys
{
    public const string ApplicationName = "PanelBot";

    public static IHostApplicationBuilder AddSharedKeys(this IHostApplicationBuilder builder)
    {
        var settings = builder.Configuration.GetSection(KeyRingSettings.Section).Get<KeyRingSettings>() ?? new KeyRingSettings();
        var root = builder.Environment.ContentRootPath;
        var protection = builder.Services.AddDataProtection().SetApplicationName(ApplicationName);
        if (settings.KeysDirectory is { Length: > 0 } folder)
        {
            protection.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(root, folder)));
        }
        else
        {
            protection.PersistKeysToDbContext<PanelBotDbContext>();
        }

        if (settings.Certificate.Path is { Length: > 0 } path)
        {
            var current = Load(Path.Combine(root, path), settings.Certificate.Password);
            var previous = settings.Certificate.PreviousPaths.Select(p => Load(Path.Combine(root, p), settings.Certificate.Password));
            protection.ProtectKeysWithCertificate(current);
            protection.UnprotectKeysWithAnyCertificate([current, .. previous]);
        }
        return builder;
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"DataProtection:Certificate: no certificate file at {path}.");
        }

        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        if (!certificate.HasPrivateKey)
        {
            throw new InvalidOperationException($"DataProtection:Certificate: {path} has no private key, so the keys it encrypts could not be read back.");
        }

        return certificate;
    }
}
