using NodaTime;
using PanelBot.Domain.Text;
using PanelBot.Domain.Time;

namespace PanelBot.Domain.Events;

/// <summary>Normalises and validates <see cref="EventDetails"/>, collecting every field error at once.</summary>
public static class EventValidator
{
    public const int MaxTags = 20;
    public const int MaxTagLength = 50;
    public const int MaxHosts = 10;
    public const int MaxJoinLinkReleaseDays = 60;

    /// <summary>Trims text, drops empty and duplicate tags/hosts, canonicalises the zone id, guesses the platform.</summary>
    public static EventDetails Normalise(EventDetails d) => d with
    {
        Title = d.Title?.Trim() ?? "",
        Summary = Blank(d.Summary),
        Description = string.IsNullOrWhiteSpace(d.Description) ? null : d.Description.Trim(),
        Tags = CleanList(d.Tags),
        Hosts = CleanList(d.Hosts),
        TimeZoneId = ZoneLookup.Canonical(d.TimeZoneId) ?? d.TimeZoneId?.Trim() ?? "",
        Venue = d.Venue is null || string.IsNullOrWhiteSpace(d.Venue.Name) && string.IsNullOrWhiteSpace(d.Venue.City)
            ? null
            : new Venue(d.Venue.Name?.Trim() ?? "", Blank(d.Venue.Address), Blank(d.Venue.City)),
        OnlineMeeting = NormaliseMeeting(d.OnlineMeeting),
        Contact = d.Contact is null ? null : new ContactPerson(d.Contact.Name?.Trim() ?? "", Blank(d.Contact.Email)),
        PartOf = Blank(d.PartOf),
    };

    /// <summary>Validates normalised details. <paramref name="now"/> is used to refuse a past start when <paramref name="checkPast"/>.</summary>
    public static DomainResult<EventTimes> Validate(EventDetails d, Instant now, bool checkPast)
    {
        var errors = new List<FieldError>();
        void Add(string field, string? message)
        {
            if (message is not null)
            {
                errors.Add(new FieldError(field, message));
            }
        }

        if (!Enum.IsDefined(d.Kind))
        {
            Add(EventFields.Kind, "The kind must be webinar or panel.");
        }

        Add(EventFields.Title, TextRules.CheckLine("title", d.Title, TextRules.MaxTitleLength, required: true));
        Add(EventFields.Summary, TextRules.CheckLine("summary", d.Summary, TextRules.MaxSummaryLength, required: false));
        Add(EventFields.Description, TextRules.CheckMultiline("description", d.Description, TextRules.MaxDescriptionLength));
        CheckList(EventFields.Tags, "tag", d.Tags, MaxTags, MaxTagLength, errors);
        CheckList(EventFields.Hosts, "host", d.Hosts, MaxHosts, TextRules.MaxShortTextLength, errors);

        if (d.Venue is not null)
        {
            Add(EventFields.Venue, TextRules.CheckLine("venue name", d.Venue.Name, TextRules.MaxShortTextLength, required: true));
            Add(EventFields.Venue, TextRules.CheckLine("venue address", d.Venue.Address, TextRules.MaxShortTextLength, required: false));
            Add(EventFields.Venue, TextRules.CheckLine("venue city", d.Venue.City, TextRules.MaxShortTextLength, required: false));
        }
        if (d.OnlineMeeting is { } meeting)
        {
            if (meeting.JoinUrl is not null)
            {
                Add(EventFields.Link, TextRules.CheckWebUrl("join link", meeting.JoinUrl));
            }

            Add(EventFields.Platform, TextRules.CheckLine("platform", meeting.Platform, 50, required: false));
            Add(EventFields.Passcode, TextRules.CheckLine("passcode", meeting.Passcode, 100, required: false));
            Add(EventFields.DialIn, TextRules.CheckLine("dial-in", meeting.DialIn, TextRules.MaxShortTextLength, required: false));
        }
        if (d.JoinLinkReleaseDays is < 0 or > MaxJoinLinkReleaseDays)
        {
            Add(EventFields.Release, $"The join link is released 0 to {MaxJoinLinkReleaseDays} days before the start; {d.JoinLinkReleaseDays} is not possible.");
        }

        if (d.Contact is not null)
        {
            Add(EventFields.Contact, TextRules.CheckLine("contact's name", d.Contact.Name, Programme.Speaker.MaxNameLength, required: true));
            if (d.Contact.Email is not null)
            {
                Add(EventFields.Contact, TextRules.CheckEmail("contact's email", d.Contact.Email));
            }
        }
        Add(EventFields.PartOf, TextRules.CheckLine("'part of'", d.PartOf, TextRules.MaxTitleLength, required: false));
        if (d.Capacity is < 0)
        {
            Add(EventFields.Capacity, $"The capacity cannot be negative ({d.Capacity}). Give the number of seats, or none for no limit.");
        }

        if (!Enum.IsDefined(d.RegistrationMode))
        {
            Add(EventFields.Approval, "Registration is open or by approval.");
        }

        var times = EventSchedule.Resolve(d.Date, d.StartTime, d.EndTime, d.TimeZoneId);
        if (!times.IsSuccess)
        {
            errors.AddRange(times.Errors);
            return DomainResult<EventTimes>.Fail(errors);
        }
        if (checkPast && EventSchedule.CheckNotPast(times.Value, now) is { } past)
        {
            errors.Add(past);
        }

        if (d.RsvpDeadline is { } deadline && deadline >= times.Value.Start)
        {
            Add(EventFields.Deadline,
                $"The RSVP deadline ({TimeFormats.DateTime(deadline)}) must be before the start ({TimeFormats.DateTime(times.Value.Start)}). When should RSVPs close?");
        }

        return errors.Count == 0 ? DomainResult<EventTimes>.Ok(times.Value, times.Notes) : DomainResult<EventTimes>.Fail(errors);
    }

    private static void CheckList(string field, string label, IReadOnlyList<string> items, int maxCount, int maxLength, List<FieldError> errors)
    {
        if (items.Count > maxCount)
        {
            errors.Add(new FieldError(field, $"There are {items.Count} {label}s; the limit is {maxCount}. Please remove some."));
        }

        foreach (var item in items)
        {
            var message = TextRules.CheckLine(label, item, maxLength, required: true);
            if (message is not null)
            {
                errors.Add(new FieldError(field, message));
                break;
            }
        }
    }

    private static OnlineMeeting? NormaliseMeeting(OnlineMeeting? m)
    {
        if (m is null)
        {
            return null;
        }

        var url = Blank(m.JoinUrl);
        var platform = Blank(m.Platform) ?? OnlineMeeting.PlatformFromUrl(url);
        var result = new OnlineMeeting(platform, url, Blank(m.Passcode), Blank(m.DialIn));
        return result is { Platform: null, JoinUrl: null, Passcode: null, DialIn: null } ? null : result;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static IReadOnlyList<string> CleanList(IReadOnlyList<string>? items) =>
        (items ?? []).Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim())
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
}
