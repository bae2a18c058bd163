using PanelBot.Conversation;
using PanelBot.Domain.Commands;

namespace PanelBot.Features.Scheduling;

/// <summary><c>remind #N 3d,1h</c> and <c>schedule #N</c>, for organisers.</summary>
public sealed class ScheduleCommandHandler
{
    public Task<BotReply> HandleAsync(TurnRequest request, EventCommand command, CancellationToken ct) =>
        Task.FromResult<BotReply>("Reminders are not available in this version of PanelBot yet.");
}
