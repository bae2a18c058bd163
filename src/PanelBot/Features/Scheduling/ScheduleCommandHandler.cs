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
using PanelBot.Storage;

namespace PanelBot.Features.Scheduling;

/// <summary><c>remind #N 3d,1h</c> and <c>schedule #N</c>, for organisers.</summary>
public sealed class ScheduleCommandHandler(
    EventLookup lookup,
    EventJobScheduler jobs,
    PanelBotDbContext db,
    IOptions<SchedulingOptions> options,
    TimeProvider clock)
{
    public async Task<BotReply> HandleAsync(TurnRequest request, EventCommand command, CancellationToken ct)
    {
        var found = await lookup.ForOrganiserAsync(request, command.Event, ct);
        if (found.Event is not { } ev)
        {
            return found.Refusal!;
        }

        var reply = command switch
        {
            RemindCommand remind => await RemindAsync(ev, remind.Offsets, ct),
            _ => await ShowAsync(ev, ct),
        };
        return reply.ForRequesterOnly($"the schedule of {ev.Reference}");
    }

    /// <summary>The reminder offsets in force for an event (its own, or the configured defaults), largest first.</summary>
    public async Task<IReadOnlyList<Duration>> RemindersAsync(Event ev, CancellationToken ct)
    {
        var settings = await db.EventSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.EventId == ev.Id, ct);
        return SchedulePlanner.ReminderOffsetsFor(settings, options.Value).OrderByDescending(o => o).ToList();
    }

    /// <summary>Sets an event's reminder offsets and re-plans them (the organiser's right is checked by the caller).</summary>
    public async Task<BotReply> RemindAsync(Event ev, IReadOnlyList<Duration> offsets, CancellationToken ct)
    {
        if (ev.IsReadOnly)
        {
            return $"{ev.Reference} is {ev.Status.ToString().ToLowerInvariant()}, so it gets no more reminders.";
        }

        var settings = await db.EventSchedules.SingleOrDefaultAsync(s => s.EventId == ev.Id, ct);
        settings ??= db.EventSchedules.Add(new EventScheduleSettings { EventId = ev.Id }).Entity;
        settings.ReminderOffsets = ReminderOffsets.Format(offsets.OrderByDescending(o => o));
        settings.UpdatedAt = clock.GetCurrentInstant();
        await db.SaveChangesAsync(ct);
        if (ev.Status == EventStatus.Published)
        {
            await jobs.ReplanAsync(ev, settings, ct);
        }

        var list = string.Join(" and ", offsets.OrderByDescending(o => o).Select(ReminderOffsets.Describe));
        var lead = $"Going participants of {ev.Reference} get reminders {list} before the start, by chat and email.";
        if (ev.Status == EventStatus.Draft)
        {
            return lead + $" They are scheduled when you publish it (publish {ev.Reference}).";
        }

        return lead + "\n\n" + await RenderAsync(ev, ct);
    }

    private async Task<BotReply> ShowAsync(Event ev, CancellationToken ct)
    {
        if (ev.Status == EventStatus.Draft)
        {
            var settings = await db.EventSchedules.AsNoTracking().SingleOrDefaultAsync(s => s.EventId == ev.Id, ct);
            var preview = SchedulePlanner.Plan(ev, settings, options.Value, clock.GetCurrentInstant(), asPublished: true);
            var text = new StringBuilder($"Nothing is scheduled for {ev.Reference} until you publish it. Then:\n");
            foreach (var p in preview)
            {
                text.AppendLine($"- {Format(ev, p.FireAt)}: {p.Description}");
            }

            return text.ToString().TrimEnd();
        }
        return await RenderAsync(ev, ct);
    }

    private async Task<string> RenderAsync(Event ev, CancellationToken ct)
    {
        var items = await jobs.ListAsync(ev.Id, ct);
        var text = new StringBuilder();
        if (items.Count == 0)
        {
            text.Append($"Nothing more is scheduled for {ev.Reference}.");
        }
        else
        {
            text.AppendLine($"Scheduled for {ev.Reference} {ev.Title} (times in {ev.TimeZoneId}):");
            foreach (var item in items)
            {
                text.AppendLine($"- {(item.NextFireAt is { } at ? Format(ev, at) : "done")}: {item.Description}");
            }
        }
        var sent = await db.ScheduledDeliveries.AsNoTracking().Where(d => d.EventId == ev.Id && d.Channel != "event")
            .GroupBy(d => d.Kind).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        if (sent.Count > 0)
        {
            text.Append("\nSent so far: " + string.Join(", ", sent.OrderBy(s => s.Key).Select(s => $"{s.Count} {s.Key}")) + ".");
        }

        return text.ToString().TrimEnd();
    }

    private static string Format(Event ev, Instant at) => TimeFormats.DateTime(at.InZone(ev.Zone).LocalDateTime);
}
