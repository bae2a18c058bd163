using PanelBot.Mail;

namespace PanelBot.Features.Invitations;

public enum MailTransportKind
{
    Pickup,
    Smtp,
    Graph,
}

/// <summary>Binds <c>Mail</c>; checked at start-up by <see cref="MailOptionsValidator"/>.</summary>
public sealed class MailOptions
{
    public const string Section = "Mail";

    /// <summary>Sender and iCalendar ORGANIZER: a mailbox the organisers control (replies land there).</summary>
    public string From { get; set; } = "panelbot@localhost";

    public string FromName { get; set; } = "PanelBot";

    /// <summary>Null: Smtp when <c>Mail:Smtp:Host</c> is set, else Pickup.</summary>
    public MailTransportKind? Transport { get; set; }

    /// <summary>Relative paths are resolved against the app's content root.</summary>
    public string PickupDirectory { get; set; } = "./data/mail";

    public SmtpSettings Smtp { get; set; } = new();

    public GraphSettings Graph { get; set; } = new();

    public DkimSettings Dkim { get; set; } = new();

    public CalendarReplies.InboxSettings Inbox { get; set; } = new();

    /// <summary>Calendar updates wait this long so that close edits go out as one update (0..300).</summary>
    public double UpdateMergeWindowSeconds { get; set; } = 30;

    /// <summary>The dispatcher looks for due mail at least this often (it is also woken when mail is committed).</summary>
    public double DispatchIntervalSeconds { get; set; } = 5;

    /// <summary>
    /// On PostgreSQL, woken by a commit after a round of fewer than 32 messages, the dispatcher waits this long before it
    /// looks, so that mail committed meanwhile goes in the same batch (0..5; 0 looks at once). After a bigger round, and
    /// on SQLite, where its claims queue behind the answers at the write gate, it looks at once.
    /// </summary>
    public double DispatchGatherSeconds { get; set; } = 0.05;

    /// <summary>Tries per message before it is marked Failed.</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>First retry delay; doubled per attempt up to <see cref="MaxRetryDelaySeconds"/>.</summary>
    public double RetryBaseSeconds { get; set; } = 30;

    public double MaxRetryDelaySeconds { get; set; } = 3600;

    /// <summary>
    /// A claim on a message is a lease of this length, renewed by the sender while it talks to the server; a claim not
    /// renewed for this long (its instance died) is released and the message sent again (5..300).
    /// </summary>
    public double SendingLeaseSeconds { get; set; } = 30;

    /// <summary>Messages sent at once; 0 = the SMTP pool size (4 for Graph and pickup).</summary>
    public int MaxInFlight { get; set; }

    /// <summary>Key of the feed tokens (HMAC). Empty: a random key kept in the database.</summary>
    public string? FeedSecret { get; set; }

    public MailTransportKind EffectiveTransport =>
        Transport ?? (string.IsNullOrWhiteSpace(Smtp.Host) ? MailTransportKind.Pickup : MailTransportKind.Smtp);

    public int EffectiveMaxInFlight => MaxInFlight > 0 ? MaxInFlight
        : EffectiveTransport == MailTransportKind.Smtp ? Math.Max(1, Smtp.MaxConnections) : 4;

    public TimeSpan MergeWindow => TimeSpan.FromSeconds(UpdateMergeWindowSeconds);
    public TimeSpan DispatchInterval => TimeSpan.FromSeconds(DispatchIntervalSeconds);
    public TimeSpan DispatchGather => TimeSpan.FromSeconds(DispatchGatherSeconds);
    public TimeSpan SendingLease => TimeSpan.FromSeconds(SendingLeaseSeconds);

    public MimeKit.MailboxAddress Sender => MailAddresses.Mailbox(From, string.IsNullOrWhiteSpace(FromName) ? null : FromName);
}

/// <summary><c>Mail:Smtp</c>.</summary>
public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>XOAUTH2 with an app token for Exchange Online (MicrosoftAppId/Password/TenantId); UserName is the mailbox.</summary>
    public bool UseOAuth { get; set; }

    public int MaxConnections { get; set; } = 4;

    /// <summary>0 = unlimited. Providers cap messages per minute (Exchange Online: 30).</summary>
    public int MessagesPerMinute { get; set; }

    /// <summary>EHLO name; use the host's FQDN.</summary>
    public string ClientName { get; set; } = "localhost";

    public double TimeoutSeconds { get; set; } = 60;
}

/// <summary><c>Mail:Graph</c>: sendMail with the bot's own app registration (MicrosoftAppId/Password/TenantId).</summary>
public sealed class GraphSettings
{
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/";

    /// <summary>Mailbox (UPN or object id) to send as; empty = <c>Mail:From</c>.</summary>
    public string? SenderUserId { get; set; }
}

/// <summary><c>Mail:Dkim</c>: sign every outgoing message (RFC 6376). All three or none.</summary>
public sealed class DkimSettings
{
    /// <summary>The d= domain; the DNS TXT record <c>{Selector}._domainkey.{Domain}</c> holds the public key.</summary>
    public string? Domain { get; set; }

    public string? Selector { get; set; }

    /// <summary>RSA private key, PEM; relative paths are resolved against the app's content root.</summary>
    public string? PrivateKeyPath { get; set; }

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Domain) || !string.IsNullOrWhiteSpace(Selector) || !string.IsNullOrWhiteSpace(PrivateKeyPath);
}
