using PanelBot.Conversation;
using PanelBot.Domain.Commands;

namespace PanelBot.Features.Invitations;

/// <summary><c>outbox #N</c>: the mail queue of an event, for its organisers.</summary>
public sealed class OutboxCommandHandler
{
    public Task<BotReply> HandleAsync(TurnRequest request, OutboxCommand command, CancellationToken ct) =>
        Task.FromResult<BotReply>("The mail outbox is not available in this version of PanelBot yet.");
}
