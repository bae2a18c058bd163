using PanelBot.Mail;

namespace PanelBot.Features.CalendarReplies;

public enum InboxTransport
{
    /// <summary>Read <c>.eml</c> files dropped into <see cref="InboxSettings.Directory"/> (a local MTA's delivery folder, tests).</summary>
    Directory,

    /// <summary>The organiser mailbox over IMAP (<c>Mail:Inbox:Imap</c>).</summary>
    Imap,

    /// <summary>The organiser mailbox through Microsoft Graph (<c>Mail:Inbox:Graph</c>), app-only.</summary>
    Graph,

    /// <summary>Calendar answers are not read.</summary>
    None,
}

/// <summary><c>Mail:Inbox</c>: where the answers people give in their calendar (iTIP REPLYs to <c>Mail:From</c>) are read.</summary>
public sealed class InboxSettings
{
    public InboxTransport Transport { get; set; } = InboxTransport.Directory;

    /// <summary>Relative paths are resolved against the app's content root; read files move to <c>processed</c> or <c>rejected</c> inside it.</summary>
    public string Directory { get; set; } = "./data/inbox";

    /// <summary>How often the folder (or an IMAP server without IDLE) is looked at.</summary>
    public double PollSeconds { get; set; } = 5;

    public ImapSettings Imap { get; set; } = new();

    public GraphInboxSettings Graph { get; set; } = new();

    public TimeSpan PollInterval => TimeSpan.FromSeconds(PollSeconds);
}

/// <summary><c>Mail:Inbox:Imap</c>.</summary>
public sealed class ImapSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 993;

    /// <summary>Tls (993), StartTls (143) or None (loopback and tests only).</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Tls;

    public string? UserName { get; set; }
    public string? Password { get; set; }

    /// <summary>XOAUTH2 with the bot's app registration (Exchange Online); UserName is the mailbox.</summary>
    public bool UseOAuth { get; set; }

    public string Folder { get; set; } = "INBOX";
}

/// <summary>
/// <c>Mail:Inbox:Graph</c>: the Inbox read with a delta query, with the bot's app registration (MicrosoftAppId,
/// MicrosoftAppPassword, MicrosoftAppTenantId) and the Graph root of <c>Mail:Graph:BaseUrl</c>.
/// </summary>
public sealed class GraphInboxSettings
{
    /// <summary>The mailbox (UPN or object id) whose Inbox is read; empty = <c>Mail:From</c>.</summary>
    public string? Mailbox { get; set; }
}
