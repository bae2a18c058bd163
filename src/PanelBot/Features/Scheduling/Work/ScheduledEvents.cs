using Microsoft.EntityFrameworkCore;
using PanelBot.Domain.Events;
using PanelBot.Storage;

namespace PanelBot.Features.Scheduling.Work;

/// <summary>Loads what a job needs, fresh from the database: a job holds ids only.</summary>
public sealed class ScheduledEvents(PanelBotDbContext db)
{
    public Task<Event?> FindAsync(long eventId, CancellationToken ct) =>
        db.Events.AsNoTracking().SingleOrDefaultAsync(e => e.Id == eventId, ct);

    public Task<EventScheduleSettings?> SettingsAsync(long eventId, CancellationToken ct) =>
        db.EventSchedules.SingleOrDefaultAsync(s => s.EventId == eventId, ct);
}
