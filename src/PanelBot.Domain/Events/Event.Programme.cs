using NodaTime.Extensions;
using PanelBot.Domain.Programme;
using PanelBot.Domain.Time;

namespace PanelBot.Domain.Events;

public sealed partial class Event
{
    public const int MaxSpeakers = 50;
    public const int MaxSegments = 50;
    public const int MaxReadings = 50;
    public const int MaxCoOrganisers = 20;

    /// <summary>Adds a speaker; the name must be unique (case-insensitive). Order 0 puts them after the others.</summary>
    public DomainResult<EventUpdate> AddSpeaker(Speaker speaker, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(speaker);
        if (RefuseIfReadOnly() is { } refused)
        {
            return refused.ToUpdate();
        }

        var cleaned = Cleaned(speaker);
        var errors = cleaned.Validate().ToList();
        if (FindSpeaker(cleaned.Name) is not null)
        {
            errors.Add(new FieldError(EventFields.Speaker,
                $"{cleaned.Name} is already on the programme of {Reference}. Remove them first (speaker {Reference} remove \"{cleaned.Name}\") to change their entry."));
        }

        if (_speakers.Count >= MaxSpeakers)
        {
            errors.Add(new FieldError(EventFields.Speaker, $"{Reference} already has {MaxSpeakers} speakers, the limit."));
        }

        if (errors.Count > 0)
        {
            return DomainResult<EventUpdate>.Fail(errors);
        }

        if (cleaned.Order == 0)
        {
            cleaned = cleaned with { Order = _speakers.Count == 0 ? 1 : _speakers.Max(s => s.Order) + 1 };
        }

        _speakers.Add(cleaned);
        return Changed(cleaned.TimeZoneId is null ? EventChanges.Speakers : EventChanges.Speakers | EventChanges.SpeakerZones, clock);
    }

    /// <summary>Removes a speaker by name (case-insensitive).</summary>
    public DomainResult<EventUpdate> RemoveSpeaker(string name, TimeProvider clock)
    {
        if (RefuseIfReadOnly() is { } refused)
        {
            return refused.ToUpdate();
        }

        var speaker = FindSpeaker(name);
        if (speaker is null)
        {
            return DomainResult<EventUpdate>.Fail(EventFields.Speaker, NotASpeaker(name));
        }

        _speakers.Remove(speaker);
        return Changed(EventChanges.Speakers, clock);
    }

    /// <summary>Changes a speaker's status (e.g. the tbc speaker confirms).</summary>
    public DomainResult<EventUpdate> SetSpeakerStatus(string name, SpeakerStatus status, TimeProvider clock)
    {
        if (RefuseIfReadOnly() is { } refused)
        {
            return refused.ToUpdate();
        }

        var speaker = FindSpeaker(name);
        if (speaker is null)
        {
            return DomainResult<EventUpdate>.Fail(EventFields.Speaker, NotASpeaker(name));
        }

        if (speaker.Status == status)
        {
            return DomainResult<EventUpdate>.Ok(EventUpdate.Nothing);
        }

        _speakers[_speakers.IndexOf(speaker)] = speaker with { Status = status };
        return Changed(EventChanges.Speakers, clock);
    }

    /// <summary>Sets where a speaker is (an IANA zone, looked up as event zones are); null clears it.</summary>
    public DomainResult<EventUpdate> SetSpeakerZone(string name, string? zoneId, TimeProvider clock)
    {
        if (RefuseIfReadOnly() is { } refused)
        {
            return refused.ToUpdate();
        }

        var speaker = FindSpeaker(name);
        if (speaker is null)
        {
            return DomainResult<EventUpdate>.Fail(EventFields.Speaker, NotASpeaker(name));
        }

        string? canonical = null;
        if (!string.IsNullOrWhiteSpace(zoneId))
        {
            var zone = ZoneLookup.Find(zoneId, EventFields.Speaker);
            if (!zone.IsSuccess)
            {
                return zone.FailAs<EventUpdate>();
            }

            canonical = zone.Value.Id;
        }
        if (speaker.TimeZoneId == canonical)
        {
            return DomainResult<EventUpdate>.Ok(EventUpdate.Nothing);
        }

        _speakers[_speakers.IndexOf(speaker)] = speaker with { TimeZoneId = canonical };
        return Changed(EventChanges.Speakers | EventChanges.SpeakerZones, clock);
    }

    /// <summary>
    /// Replaces the entry of the speaker called <paramref name="name"/> with <paramref name="speaker"/> (which may rename
    /// them), keeping their place in the programme. Validated like <see cref="AddSpeaker"/>; nothing changes on failure.
    /// </summary>
    public DomainResult<EventUpdate> ReplaceSpeaker(string name, Speaker speaker, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(speaker);
        if (RefuseIfReadOnly() is { } refused)
        {
            return refused.ToUpdate();
        }

        var current = FindSpeaker(name);
        if (current is null)
        {
            return DomainResult<EventUpdate>.Fail(EventFields.Speaker, NotASpeaker(name));
        }

        var cleaned = Cleaned(speaker) with { Order = current.Order };
        var errors = cleaned.Validate().ToList();
        if (FindSpeaker(cleaned.Name) is { } other && !ReferenceEquals(other, current))
        {
            errors.Add(new FieldError(EventFields.Speaker, $"{cleaned.Name} is already on the programme of {Reference}."));
        }

        if (errors.Count > 0)
        {
            return DomainResult<EventUpdate>.Fail(errors);
        }

        if (cleaned == current)
        {
            return DomainResult<EventUpdate>.Ok(EventUpdate.Nothing);
        }

        _speakers[_speakers.IndexOf(current)] = cleaned;
        return Changed(cleaned.TimeZoneId == current.TimeZoneId ? EventChanges.Speakers : EventChanges.Speakers | EventChanges.SpeakerZones, clock);
    }

    public Speaker? FindSpeaker(string? name) =>
        name is null ? null : _speakers.FirstOrDefault(s => string.Equals(s.Name, name.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Appends a segment to the run of show. The result's notes say whether the run of show still fits.</summary>
    public DomainResult<EventUpdate> AddSegment(Segment segment, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(segment);
        if (RefuseIfReadOnly() is { } refused)
        {
            return refused.ToUpdate();
        }

        var cleaned = segment with { Title = segment.Title?.Trim() ?? "", Lead = Blank(segment.Lead) };
        var errors = cleaned.Validate().ToList();
        if (_segments.Count >= MaxSegments)
        {
            errors.Add(new FieldError(EventFields.Segment, $"{Reference} already has {MaxSegments} segments, the limit."));
        }

        if (errors.Count > 0)
        {
            return DomainResult<EventUpdate>.Fail(errors);
        }

        _segments.Add(cleaned);
        return Changed(EventChanges.Segments, clock, CheckRunOfShow().Message);
    }

    /// <summary>Removes the segment at a 1-based position.</summary>
    public DomainResult<EventUpdate> RemoveSegment(int position, TimeProvider clock)
    {
        if (RefuseIfReadOnly() is { } refused)
        {
            return refused.ToUpdate();
        }

        if (position < 1 || position > _segments.Count)
        {
            return DomainResult<EventUpdate>.Fail(EventFields.Segment,
                _segments.Count == 0 ? $"{Reference} has no run of show yet." : $"There is no segment {position}: pick 1 to {_segments.Count}.");
        }

        _segments.RemoveAt(position - 1);
        return Changed(EventChanges.Segments, clock, CheckRunOfShow().Message);
    }

    /// <summary>Moves the segment at 1-based <paramref name="from"/> to <paramref name="to"/>; the others close up.</summary>
    public DomainResult<EventUpdate> MoveSegment(int from, int to, TimeProvider clock)
    {
        if (RefuseIfReadOnly() is { } refused)
        {
            return refused.ToUpdate();
        }

        foreach (var position in new[] { from, to })
        {
            if (position < 1 || position > _segments.Count)
            {
                return DomainResult<EventUpdate>.Fail(EventFields.Segment,
                    _segments.Count == 0 ? $"{Reference} has no run of show yet." : $"There is no segment {position}: pick 1 to {_segments.Count}.");
            }
        }

        if (from == to)
        {
            return DomainResult<EventUpdate>.Ok(EventUpdate.Nothing);
        }

        var segment = _segments[from - 1];
        _segments.RemoveAt(from - 1);
        _segments.Insert(to - 1, segment);
        return Changed(EventChanges.Segments, clock);
    }

    public DomainResult<EventUpdate> AddReading(Reading reading, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(reading);
        if (RefuseIfReadOnly() is { } refused)
        {
            return refused.ToUpdate();
        }

        var cleaned = reading with { Title = reading.Title?.Trim() ?? "", Url = reading.Url?.Trim() ?? "", Author = Blank(reading.Author) };
        var errors = cleaned.Validate().ToList();
        if (_readings.Any(r => string.Equals(r.Url, cleaned.Url, StringComparison.OrdinalIgnoreCase) && r.Timing == cleaned.Timing))
        {
            errors.Add(new FieldError(EventFields.Reading, $"{cleaned.Url} is already in the readings of {Reference}."));
        }

        if (_readings.Count >= MaxReadings)
        {
            errors.Add(new FieldError(EventFields.Reading, $"{Reference} already has {MaxReadings} readings, the limit."));
        }

        if (errors.Count > 0)
        {
            return DomainResult<EventUpdate>.Fail(errors);
        }

        _readings.Add(cleaned);
        return Changed(EventChanges.Readings, clock);
    }

    /// <summary>Removes a reading by title (case-insensitive).</summary>
    public DomainResult<EventUpdate> RemoveReading(string title, TimeProvider clock)
    {
        if (RefuseIfReadOnly() is { } refused)
        {
            return refused.ToUpdate();
        }

        var reading = _readings.FirstOrDefault(r => string.Equals(r.Title, title?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (reading is null)
        {
            return DomainResult<EventUpdate>.Fail(EventFields.Reading, $"There is no reading called \"{title}\" on {Reference}. Type show {Reference} to see them.");
        }

        _readings.Remove(reading);
        return Changed(EventChanges.Readings, clock);
    }

    /// <summary>Lets another user edit the event. Adding the creator or an existing co-organiser changes nothing.</summary>
    public DomainResult<EventUpdate> AddCoOrganiser(string userId, string displayName, TimeProvider clock)
    {
        if (RefuseIfReadOnly() is { } refused)
        {
            return refused.ToUpdate();
        }

        if (string.IsNullOrWhiteSpace(userId))
        {
            return DomainResult<EventUpdate>.Fail(EventFields.Organiser, "Who should I add? Mention them (@name) or give their user id.");
        }

        var nameError = Text.TextRules.CheckLine("organiser's name", displayName, Speaker.MaxNameLength, required: true);
        if (nameError is not null)
        {
            return DomainResult<EventUpdate>.Fail(EventFields.Organiser, nameError);
        }

        if (CanEdit(userId))
        {
            return DomainResult<EventUpdate>.Ok(EventUpdate.Nothing, [$"{displayName.Trim()} can already edit {Reference}."]);
        }

        if (_coOrganisers.Count >= MaxCoOrganisers)
        {
            return DomainResult<EventUpdate>.Fail(EventFields.Organiser, $"{Reference} already has {MaxCoOrganisers} co-organisers, the limit.");
        }

        _coOrganisers.Add(new CoOrganiser(userId.Trim(), displayName.Trim()));
        return Changed(EventChanges.Organisers, clock);
    }

    public DomainResult<EventUpdate> RemoveCoOrganiser(string userId, TimeProvider clock)
    {
        if (RefuseIfReadOnly() is { } refused)
        {
            return refused.ToUpdate();
        }

        var index = _coOrganisers.FindIndex(o => o.UserId == userId);
        if (index < 0)
        {
            return DomainResult<EventUpdate>.Fail(EventFields.Organiser,
                userId == CreatorId ? "The creator always stays an organiser." : $"That user is not a co-organiser of {Reference}.");
        }

        _coOrganisers.RemoveAt(index);
        return Changed(EventChanges.Organisers, clock);
    }

    /// <summary>
    /// Erasure of a person: a co-organiser keeps the edit rights the other organisers gave them, but not their name.
    /// Not a change anyone is told about.
    /// </summary>
    public bool ForgetCoOrganiserName(string userId)
    {
        var index = _coOrganisers.FindIndex(o => o.UserId == userId);
        if (index < 0 || _coOrganisers[index].DisplayName.Length == 0)
        {
            return false;
        }

        _coOrganisers[index] = _coOrganisers[index] with { DisplayName = "" };
        return true;
    }

    private DomainResult<EventUpdate> Changed(EventChanges changes, TimeProvider clock, string? note = null)
    {
        Touch(clock.GetCurrentInstant(), changes);
        IReadOnlyList<string> notes = note is null ? [] : [note];
        return DomainResult<EventUpdate>.Ok(new EventUpdate(changes, notes), notes);
    }

    private string NotASpeaker(string? name) =>
        $"There is no speaker called \"{name}\" on {Reference}. Check the spelling (show {Reference} lists them).";

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static Speaker Cleaned(Speaker speaker) => speaker with
    {
        Name = speaker.Name?.Trim() ?? "",
        Affiliation = Blank(speaker.Affiliation),
        JobTitle = Blank(speaker.JobTitle),
        Topic = Blank(speaker.Topic),
        Email = Blank(speaker.Email),
        TimeZoneId = ZoneLookup.Canonical(speaker.TimeZoneId) ?? Blank(speaker.TimeZoneId),
    };
}
