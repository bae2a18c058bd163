namespace PanelBot.Mail;

public enum SmtpSecurity
{
    /// <summary>Plain TCP. Only for loopback relays and tests.</summary>
    None,

    /// <summary>Plain connect, then STARTTLS (port 587); fails if the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    Tls,
}

public enum SmtpAuthMechanism
{
    /// <summary>XOAUTH2 when a token provider is given, else PLAIN, else LOGIN (whichever the server offers).</summary>
    Auto,
    Plain,
    Login,
    XOAuth2,
}

public sealed record SmtpOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 587;

    public SmtpSecurity Security { get; init; } = SmtpSecurity.StartTls;

    /// <summary>Null means no AUTH. For XOAUTH2 this is the mailbox the token is for.</summary>
    public string? UserName { get; init; }

    public string? Password { get; init; }

    public SmtpAuthMechanism AuthMechanism { get; init; } = SmtpAuthMechanism.Auto;

    public int MaxConnections { get; init; } = 4;

    /// <summary>0 = unlimited.</summary>
    public int MessagesPerMinute { get; init; }

    /// <summary>Limit for connecting and for each message (all commands plus DATA).</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Pooled connections idle longer than this are closed instead of reused (servers drop idle clients).</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The name sent with EHLO/HELO.</summary>
    public string ClientName { get; init; } = "localhost";

    /// <summary>Skips certificate validation. For tests with self-signed certificates only.</summary>
    public bool AcceptAnyCertificate { get; init; }
}
