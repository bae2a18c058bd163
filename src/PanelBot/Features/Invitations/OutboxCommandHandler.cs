using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;
using NodaTime.Extensions;
using PanelBot.Conversation;
using PanelBot.Domain.Commands;
using PanelBot.Domain.Events;
using PanelBot.Domain.Time;
using PanelBot.Features.Events;
using PanelBot.Hosting;
using PanelBot.Storage;

namespace PanelBot.Features.Invitations;

/// <summary><c>outbox #N</c>: the mail queue of an event, for its organisers, with the event's calendar links.</summary>
public sealed class OutboxCommandHandler(
    EventLookup lookup,
    PanelBotDbContext db,
    FeedTokens feeds,
    PublicUrls urls,
    IOptions<MailOptions> options,
    TimeProvider clock)
{
    public async Task<BotReply> HandleAsync(TurnRequest request, OutboxCommand command, CancellationToken ct)
    {
        var found = await lookup.ForOrganiserAsync(request, command.Event, ct);
        if (found.Event is not { } ev)
        {
            return found.Refusal!;
        }

        var rows = await db.OutboxMessages.AsNoTracking().Where(m => m.EventId == ev.Id)
            .Select(m => new { m.Id, m.State, m.Recipient, m.Kind, m.LastError, m.NextAttemptAt, m.NotBefore, m.Attempts })
            .ToListAsync(ct);
        var text = new StringBuilder($"Mail for {ev.Reference} {ev.Title} (sent by {options.Value.EffectiveTransport.ToString().ToLowerInvariant()}):\n");
        if (rows.Count == 0)
        {
            text.AppendLine("- nothing queued yet.");
        }
        else
        {
            var counts = rows.GroupBy(r => r.State).ToDictionary(g => g.Key, g => g.Count());
            text.AppendLine("- " + string.Join(", ", Enum.GetValues<OutboxState>()
                .Where(counts.ContainsKey).Select(s => $"{counts[s]} {s.ToString().ToLowerInvariant()}")));
            var pending = rows.Where(r => r.State == OutboxState.Pending).ToList();
            if (pending.Count > 0)
            {
                var next = pending.Min(r => r.NextAttemptAt > r.NotBefore ? r.NextAttemptAt : r.NotBefore);
                var now = clock.GetCurrentInstant();
                text.AppendLine(next <= now ? "- next send: now" : $"- next send or retry: {Describe(next, ev)}");
            }
            if (rows.Where(r => r.LastError != null && r.State is OutboxState.Pending or OutboxState.Failed).MaxBy(r => r.Id) is { } failed)
            {
                text.AppendLine($"- last error ({failed.Kind} to {failed.Recipient}, {failed.Attempts} attempts): {failed.LastError}");
            }
        }

        text.AppendLine($"- calendar file: {urls.EventIcs(ev)}");
        var feed = urls.Feed(await feeds.ForOrganiserAsync(request.UserId, ct));
        text.AppendLine($"- your events as a calendar subscription (keep it private): {PublicUrls.Webcal(feed)}");
        if (ev.PartOf is { Length: > 0 } series)
        {
            text.AppendLine($"- every event of {series} as a subscription: {PublicUrls.Webcal(urls.SeriesFeed(await feeds.ForSeriesAsync(series, ct)))}");
        }

        return ((BotReply)text.ToString().TrimEnd()).ForRequesterOnly($"the mail queue of {ev.Reference} and your calendar links");
    }

    private static string Describe(Instant instant, Event ev) =>
        TimeFormats.DateTime(instant.InZone(ev.Zone).LocalDateTime) + " " + ev.TimeZoneId;
}
