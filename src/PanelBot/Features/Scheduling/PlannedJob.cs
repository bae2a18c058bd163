using NodaTime;

namespace PanelBot.Features.Scheduling;

/// <summary>One piece of scheduled work for an event: a one-off at <see cref="FireAt"/>, or the daily digest.</summary>
/// <param name="Name">Unique within the event (Quartz job and trigger name), e.g. <c>reminder-3d</c>.</param>
/// <param name="Offset">For reminders: how long before the start.</param>
/// <param name="DailyAt">For the digest: the local time of day in the event's zone; <see cref="FireAt"/> is its last day.</param>
public sealed record PlannedJob(string Kind, string Name, Instant FireAt, string Description, Duration? Offset = null, LocalTime? DailyAt = null);
