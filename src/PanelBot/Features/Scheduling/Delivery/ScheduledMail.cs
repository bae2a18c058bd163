using System.Net;
using Microsoft.Extensions.Options;
using PanelBot.Features.Invitations;
using PanelBot.Mail;

namespace PanelBot.Features.Scheduling.Delivery;

/// <summary><c>Mail:From</c> and <c>Mail:FromName</c>, read here too so scheduling does not depend on the outbox's options type.</summary>
public sealed class ScheduledMailOptions
{
    public string From { get; set; } = "panelbot@localhost";
    public string FromName { get; set; } = "PanelBot";
}

/// <summary>
/// Composes scheduled mail and adds it to the outbox in the caller's unit of work. The outbox is optional: without
/// one (mail not configured in this build) <see cref="IsAvailable"/> is false and nothing is claimed for mail.
/// </summary>
public sealed class ScheduledMail(IServiceProvider services, IOptions<ScheduledMailOptions> options, TimeProvider clock,
    ILogger<ScheduledMail> logger)
{
    private readonly IOutbox? _outbox = services.GetService<IOutbox>();

    public bool IsAvailable => _outbox is not null;

    /// <summary>Adds the mail; false (and nothing added) when the address cannot be sent to, so the others still go.</summary>
    public async Task<bool> EnqueueAsync(long? eventId, string kind, string to, string? toName, string subject, string text, CancellationToken ct)
    {
        if (_outbox is null)
        {
            throw new InvalidOperationException("No outbox is registered.");
        }

        if (!MailAddresses.TryParseAddress(to, out _))
        {
            // The address itself stays out of the log.
            logger.LogWarning("No {Kind} mail for event {EventId} to one recipient: the stored address cannot be sent to", kind, eventId);
            return false;
        }
        var from = options.Value;
        var mail = MailComposer.Compose(new OutgoingMail
        {
            From = MailAddresses.Mailbox(from.From, string.IsNullOrWhiteSpace(from.FromName) ? null : from.FromName),
            To = [MailAddresses.Mailbox(to, toName)],
            Subject = subject,
            TextBody = text,
            HtmlBody = Html(text),
            Headers = [new MailHeader("Auto-Submitted", "auto-generated")],
            Date = clock.GetUtcNow(),
        });
        await _outbox.EnqueueAsync(new OutboxMessage(eventId, kind, mail), ct);
        return true;
    }

    /// <summary>The text body as simple HTML: escaped, paragraphs and line breaks kept, links clickable.</summary>
    public static string Html(string text)
    {
        var paragraphs = text.Replace("\r\n", "\n").Split("\n\n", StringSplitOptions.RemoveEmptyEntries)
            .Select(p => "<p>" + string.Join("<br>\n", p.Split('\n').Select(Line)) + "</p>");
        return "<!DOCTYPE html>\n<html><body>\n" + string.Join("\n", paragraphs) + "\n</body></html>\n";

        static string Line(string line) => string.Join(" ", line.Split(' ').Select(word =>
            Uri.TryCreate(word, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"
                ? $"<a href=\"{WebUtility.HtmlEncode(word)}\">{WebUtility.HtmlEncode(word)}</a>"
                : WebUtility.HtmlEncode(word)));
    }
}
