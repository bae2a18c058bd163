using Microsoft.Extensions.Options;
using MimeKit;
using PanelBot.Features.Invitations;
using PanelBot.Mail;

namespace PanelBot.Features.CalendarReplies;

/// <summary>
/// Reads the organiser mailbox's Inbox through Microsoft Graph with a delta query
/// (https://learn.microsoft.com/graph/delta-query-messages): each round follows the nextLinks to a deltaLink, which is
/// kept in the database (as is each nextLink), so a restart resumes where it stopped. Each new message's MIME goes to
/// the same <see cref="CalendarReplyProcessor"/> as the other sources; handled messages are recorded, so a page seen
/// again (a resumed round, or a full synchronisation after 410 Gone) applies nothing twice. Calendar replies are then
/// marked read; other mail is left unread for the people who read the mailbox.
/// </summary>
public sealed class GraphInboxReader(
    GraphMailbox mailbox,
    GraphInboxStore store,
    IServiceScopeFactory scopes,
    IOptions<MailOptions> options,
    ILogger<GraphInboxReader> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var poll = options.Value.Inbox.PollInterval;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await SyncAsync(stoppingToken);
                await Task.Delay(poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (GraphSyncStateGoneException ex)
            {
                logger.LogWarning("{Problem}", ex.Message);
                await store.ResetAsync(mailbox.Mailbox, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // The position is saved per page and messages are recorded once handled, so the next round picks up
                // what this one missed; the host keeps running.
                // A refusal (no permission, no such mailbox) will not change soon: ask again once a minute, not every poll.
                var wait = ex switch
                {
                    MailTransientException { RetryAfter: { } after } when after > poll => after,
                    MailPermanentException => TimeSpan.FromMinutes(1) > poll ? TimeSpan.FromMinutes(1) : poll,
                    _ => poll * 2,
                };
                logger.LogWarning(ex, "Reading the mailbox {Mailbox} through Graph failed; trying again in {Seconds} s", mailbox.Mailbox, wait.TotalSeconds);
                await Task.Delay(wait, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>One round: every page up to the deltaLink.</summary>
    public async Task SyncAsync(CancellationToken ct)
    {
        var link = await store.LinkAsync(mailbox.Mailbox, ct) is { } kept && mailbox.Owns(kept) ? kept : mailbox.InitialDeltaUrl;
        while (true)
        {
            var page = await mailbox.GetDeltaPageAsync(link, ct);
            foreach (var message in page.Messages)
            {
                if (message.Removed || await store.WasHandledAsync(mailbox.Mailbox, message.Id, ct))
                {
                    continue;
                }

                await HandleAsync(message.Id, ct);
            }

            link = page.NextLink ?? page.DeltaLink
                   ?? throw new MailTransientException("Graph delta page has neither @odata.nextLink nor @odata.deltaLink.");
            await store.SaveLinkAsync(mailbox.Mailbox, link, ct);
            if (page.NextLink is null)
            {
                return;
            }
        }
    }

    private async Task HandleAsync(string id, CancellationToken ct)
    {
        var source = $"graph:{(id.Length > 16 ? id[^16..] : id)}";
        var mime = await mailbox.GetMimeAsync(id, ct);
        ReplyOutcome outcome;
        var recorded = false;
        try
        {
            using var stream = new MemoryStream(mime, writable: false);
            var message = await MimeMessage.LoadAsync(stream, ct);
            await using var scope = scopes.CreateAsyncScope();
            outcome = await scope.ServiceProvider.GetRequiredService<CalendarReplyProcessor>().ProcessAsync(message, source, ct, async () =>
            {
                // Not cancelled by shutdown: once an answer is applied, losing this record would apply it twice.
                await store.RecordAsync(mailbox.Mailbox, id, ReplyOutcome.Applied, CancellationToken.None);
                recorded = true;
            });
        }
        catch (FormatException ex)
        {
            logger.LogInformation(ex, "Mail {Source} is not a mail message; set aside", source);
            outcome = ReplyOutcome.NotAReply;
        }

        if (!recorded)
        {
            await store.RecordAsync(mailbox.Mailbox, id, outcome, ct);
        }

        if (outcome == ReplyOutcome.NotAReply)
        {
            return;
        }

        try
        {
            await mailbox.MarkReadAsync(id, ct);
        }
        catch (MailTransportException ex)
        {
            // The record above is what keeps it from being applied again; the read mark is for the people.
            logger.LogWarning("Could not mark {Source} read: {Problem}", source, ex.Message);
        }
    }
}
