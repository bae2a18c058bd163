using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PanelBot.Domain.Events;
using PanelBot.Mail;
using PanelBot.Storage;

namespace PanelBot.Features.Invitations;

/// <summary>
/// Composes the calendar mail of claimed outbox rows from their <see cref="InvitationRecipe"/>, with the event as it is
/// at that moment, DKIM-signed when configured, under the Message-ID the row was given when it was queued.
/// </summary>
public sealed class ClaimedMail(
    IServiceScopeFactory scopes,
    InvitationComposer composer,
    DkimSigning dkim,
    TimeProvider clock,
    ILogger<ClaimedMail> logger)
{
    private static readonly IReadOnlyDictionary<long, Event> NoEvents = new Dictionary<long, Event>();

    /// <summary>The events that the batch's rows still to be composed are about, read once for the batch.</summary>
    public async Task<IReadOnlyDictionary<long, Event>> EventsAsync(IEnumerable<OutboxEntry> claimed, CancellationToken ct)
    {
        var ids = claimed.Where(e => !e.IsComposed && e.EventId is not null).Select(e => e.EventId!.Value).Distinct().ToList();
        if (ids.Count == 0)
        {
            return NoEvents;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PanelBotDbContext>();
        return await db.Events.AsNoTracking().Where(e => ids.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
    }

    /// <summary>Composes the row's calendar mail into <see cref="OutboxEntry.Mime"/>; returns why it cannot be, or null.</summary>
    public string? Compose(OutboxEntry entry, IReadOnlyDictionary<long, Event> events)
    {
        if (entry.Recipe is null || entry.EventId is not { } id || !events.TryGetValue(id, out var ev))
        {
            return "The event this mail is about no longer exists.";
        }

        try
        {
            var recipe = InvitationRecipe.FromJson(entry.Recipe);
            var withJoinLink = recipe.WithJoinLink ?? CalendarEvents.ShowsJoinLink(ev, clock);
            // Disposed once written: MimeKit's parts have finalizers, and the garbage collector is spared running them.
            using var mail = composer.Compose(ev, recipe.Invitee(entry.Recipient), recipe.Kind, withJoinLink, entry.MessageId);
            entry.Mime = MailEnvelope.Create(mail, dkim.Signer).Mime.ToArray();
            return null;
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or JsonException)
        {
            logger.LogWarning("Outbox message {Id} ({Kind}) could not be composed ({Error})", entry.Id, entry.Kind, ex.GetType().Name);
            return $"The mail could not be composed ({ex.GetType().Name}).";
        }
    }
}
