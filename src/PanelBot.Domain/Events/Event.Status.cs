using NodaTime.Extensions;
using PanelBot.Domain.Time;

namespace PanelBot.Domain.Events;

public sealed partial class Event
{
    /// <summary>Draft → Published. Refused once the event has started.</summary>
    public DomainResult<EventUpdate> Publish(TimeProvider clock)
    {
        var now = clock.GetCurrentInstant();
        if (Status == EventStatus.Published)
        {
            return DomainResult<EventUpdate>.Ok(EventUpdate.Nothing, [$"{Reference} is already published."]);
        }

        if (Status != EventStatus.Draft)
        {
            return RefuseIfReadOnly()!.ToUpdate();
        }

        if (StartsAt <= now)
        {
            return DomainResult<EventUpdate>.Fail(EventFields.Start,
                $"{Reference} started on {TimeFormats.DateTime(Start)}, so it cannot be published. Move it to a future date first (set {Reference} date ...).");
        }

        Status = EventStatus.Published;
        PublishedAt = now;
        Touch(now, EventChanges.Status);
        return DomainResult<EventUpdate>.Ok(new EventUpdate(EventChanges.Status, []));
    }

    /// <summary>
    /// The join link goes into everyone's calendar: raises <see cref="Sequence"/> once, because Apple Calendar and Outlook
    /// apply an update only when SEQUENCE grows (RFC 5546 §2.1.4). Refused before the release time, without a link, and
    /// unless published.
    /// </summary>
    public DomainResult<EventUpdate> ReleaseJoinLink(TimeProvider clock)
    {
        var now = clock.GetCurrentInstant();
        if (Status != EventStatus.Published)
        {
            return DomainResult<EventUpdate>.Fail(EventFields.Status, $"{Reference} is not published, so there is no join link to release.");
        }

        if (OnlineMeeting?.JoinUrl is null)
        {
            return DomainResult<EventUpdate>.Fail(EventFields.Link, $"{Reference} has no join link to release.");
        }

        if (!IsJoinLinkReleased(now))
        {
            return DomainResult<EventUpdate>.Fail(EventFields.Release, $"The join link of {Reference} is due on {TimeFormats.DateTime(Start.PlusDays(-JoinLinkReleaseDays))}, not yet.");
        }

        Sequence++;
        Touch(now, EventChanges.None);
        return DomainResult<EventUpdate>.Ok(new EventUpdate(EventChanges.None, []));
    }

    /// <summary>Draft or Published → Cancelled; bumps <see cref="Sequence"/> so calendars accept the METHOD:CANCEL.</summary>
    public DomainResult<EventUpdate> Cancel(string? reason, TimeProvider clock)
    {
        var now = clock.GetCurrentInstant();
        if (RefuseIfReadOnly() is { } refused)
        {
            return refused.ToUpdate();
        }

        var trimmed = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var message = Text.TextRules.CheckLine("cancellation reason", trimmed, Text.TextRules.MaxSummaryLength, required: false);
        if (message is not null)
        {
            return DomainResult<EventUpdate>.Fail(EventFields.Status, message);
        }

        Status = EventStatus.Cancelled;
        CancellationReason = trimmed;
        CancelledAt = now;
        Sequence++;
        Touch(now, EventChanges.Status);
        return DomainResult<EventUpdate>.Ok(new EventUpdate(EventChanges.Status, []));
    }

    /// <summary>Published → Completed, only after the end.</summary>
    public DomainResult<EventUpdate> Complete(TimeProvider clock)
    {
        var now = clock.GetCurrentInstant();
        if (RefuseIfReadOnly() is { } refused)
        {
            return refused.ToUpdate();
        }

        if (Status != EventStatus.Published)
        {
            return DomainResult<EventUpdate>.Fail(EventFields.Status, $"{Reference} is a draft: publish it before it can be completed.");
        }

        if (now < EndsAt)
        {
            return DomainResult<EventUpdate>.Fail(EventFields.Status,
                $"{Reference} ends at {TimeFormats.DateTime(End)} {TimeZoneId}; it can be completed after that.");
        }

        Status = EventStatus.Completed;
        Touch(now, EventChanges.Status);
        return DomainResult<EventUpdate>.Ok(new EventUpdate(EventChanges.Status, []));
    }
}

internal static class DomainResultExtensions
{
    public static DomainResult<EventUpdate> ToUpdate(this DomainResult result) => DomainResult<EventUpdate>.Fail(result.Errors);
}
