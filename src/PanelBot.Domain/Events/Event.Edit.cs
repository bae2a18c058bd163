using NodaTime.Extensions;
using PanelBot.Domain.Time;

namespace PanelBot.Domain.Events;

public sealed partial class Event
{
    /// <summary>
    /// Replaces the editable fields with <paramref name="details"/> after validating all of them. A new start in the past is
    /// refused only when the time or zone changes. Returns what changed; calendar-relevant changes bump <see cref="Sequence"/>.
    /// </summary>
    public DomainResult<EventUpdate> Update(EventDetails details, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(details);
        ArgumentNullException.ThrowIfNull(clock);
        if (RefuseIfReadOnly() is { } refused)
        {
            return DomainResult<EventUpdate>.Fail(refused.Errors);
        }

        var now = clock.GetCurrentInstant();
        var normalised = EventValidator.Normalise(details);
        var timeChanged = normalised.Date != Start.Date || normalised.StartTime != Start.TimeOfDay || normalised.EndTime != End.TimeOfDay;
        var zoneChanged = normalised.TimeZoneId != TimeZoneId;
        var validation = EventValidator.Validate(normalised, now, checkPast: timeChanged || zoneChanged);
        if (!validation.IsSuccess)
        {
            return validation.FailAs<EventUpdate>();
        }

        var changes = Compare(normalised, timeChanged, zoneChanged);
        if (changes == EventChanges.None)
        {
            return DomainResult<EventUpdate>.Ok(EventUpdate.Nothing);
        }

        Apply(normalised, validation.Value);
        Touch(now, changes);
        var notes = timeChanged || zoneChanged ? validation.Notes : [];
        return DomainResult<EventUpdate>.Ok(new EventUpdate(changes, notes), notes);
    }

    /// <summary>Edits a copy of the current details and applies it: <c>ev.Edit(d =&gt; d with { Capacity = 50 }, clock)</c>.</summary>
    public DomainResult<EventUpdate> Edit(Func<EventDetails, EventDetails> change, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(change);
        return Update(change(Details), clock);
    }

    private EventChanges Compare(EventDetails d, bool timeChanged, bool zoneChanged)
    {
        var changes = EventChanges.None;
        void Flag(bool changed, EventChanges flag)
        {
            if (changed)
            {
                changes |= flag;
            }
        }

        Flag(d.Kind != Kind, EventChanges.Kind);
        Flag(d.Title != Title, EventChanges.Title);
        Flag(d.Summary != Summary, EventChanges.Summary);
        Flag(d.Description != Description, EventChanges.Description);
        Flag(!d.Tags.SequenceEqual(_tags), EventChanges.Tags);
        Flag(timeChanged, EventChanges.Time);
        Flag(zoneChanged, EventChanges.Zone);
        Flag(d.Venue != Venue, EventChanges.Venue);
        Flag(d.OnlineMeeting != OnlineMeeting, EventChanges.OnlineMeeting);
        Flag(d.JoinLinkReleaseDays != JoinLinkReleaseDays, EventChanges.JoinLinkRelease);
        Flag(d.Recorded != Recorded, EventChanges.Recorded);
        Flag(!d.Hosts.SequenceEqual(_hosts), EventChanges.Hosts);
        Flag(d.Contact != Contact, EventChanges.Contact);
        Flag(d.PartOf != PartOf, EventChanges.PartOf);
        Flag(d.Capacity != Capacity, EventChanges.Capacity);
        Flag(d.RsvpDeadline != RsvpDeadline, EventChanges.Deadline);
        Flag(d.RegistrationMode != RegistrationMode, EventChanges.RegistrationMode);
        return changes;
    }

    private void Apply(EventDetails d, EventTimes times)
    {
        Kind = d.Kind;
        Title = d.Title;
        Summary = d.Summary;
        Description = d.Description;
        _tags = d.Tags.ToList();
        Start = times.Start;
        End = times.End;
        TimeZoneId = times.TimeZoneId;
        StartsAt = times.StartsAt;
        EndsAt = times.EndsAt;
        Venue = d.Venue;
        OnlineMeeting = d.OnlineMeeting;
        JoinLinkReleaseDays = d.JoinLinkReleaseDays;
        Recorded = d.Recorded;
        _hosts = d.Hosts.ToList();
        Contact = d.Contact;
        PartOf = d.PartOf;
        Capacity = d.Capacity;
        RsvpDeadline = d.RsvpDeadline;
        RegistrationMode = d.RegistrationMode;
    }
}
