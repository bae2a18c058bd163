using PanelBot.BotFramework;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.Events;
using PanelBot.Storage;

namespace PanelBot.Features.Rsvp;

/// <summary>Tells participants in chat what happened to their registration without them asking (promotion, approval).</summary>
public sealed class RsvpNotifier(ConversationStore conversations, IBotAdapter adapter, ILogger<RsvpNotifier> logger)
{
    public Task TellPromotedAsync(Event ev, Registration promoted, CancellationToken ct) =>
        TellAsync(promoted, $"Good news, {promoted.UserName}: a seat is free and you're now going to {ev.Reference} " +
                            $"{ev.Title} ({EventCard.When(ev)}).", ct);

    public Task TellDecisionAsync(Event ev, Registration registration, bool approved, CancellationToken ct) =>
        TellAsync(registration, approved
            ? registration.State == RsvpState.Waitlisted
                ? $"Your registration for {ev.Reference} {ev.Title} is approved. The event is full, so you're on the waitlist (number {registration.WaitlistPosition})."
                : $"Your registration for {ev.Reference} {ev.Title} is approved: you're going ({EventCard.When(ev)})."
            : $"Sorry, the organisers of {ev.Reference} {ev.Title} could not accept your registration.", ct);

    private async Task TellAsync(Registration registration, string text, CancellationToken ct)
    {
        if (registration.ConversationId is null) return;
        var reference = await conversations.FindByConversationAsync(registration.ConversationId, ct);
        if (reference is null) return;
        try
        {
            await adapter.ContinueConversationAsync(reference, (turn, token) => turn.SendActivityAsync(text, token), ct);
        }
        catch (Exception ex) when (ex is ConnectorException or HttpRequestException or UntrustedServiceUrlException)
        {
            logger.LogWarning(ex, "Could not tell a participant about their registration in {ConversationId}", registration.ConversationId);
        }
    }
}
