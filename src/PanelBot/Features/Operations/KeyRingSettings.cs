namespace PanelBot.Features.Operations;

/// <summary>Binds <c>DataProtection</c>: where the keys that sign links are kept, and how they are encrypted at rest.</summary>
public sealed class KeyRingSettings
{
    public const string Section = "DataProtection";

    /// <summary>Empty (the default): the keys live in the app's database, shared by every instance on it.</summary>
    public string? KeysDirectory { get; set; }

    public KeyCertificateSettings Certificate { get; set; } = new();
}

/// <summary>A PKCS#12 file with a private key; each key is encrypted to it before it is stored.</summary>
public sealed class KeyCertificateSettings
{
    public string? Path { get; set; }
    public string? Password { get; set; }

    /// <summary>Older certificates still needed to read keys written before a rotation.</summary>
    public string[] PreviousPaths { get; set; } = [];
}
