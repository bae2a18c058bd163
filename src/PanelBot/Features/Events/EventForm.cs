using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using PanelBot.Cards;
using PanelBot.Domain;
using PanelBot.Domain.Events;

namespace PanelBot.Features.Events;

/// <summary>
/// The "new event" and "edit event" Adaptive Card forms, and reading their submitted data back into
/// <see cref="EventDetails"/>. Errors come back under the field they belong to.
/// </summary>
public static class EventForm
{
    public const string NewVerb = "newEventForm";
    public const string CreateVerb = "createEvent";
    public const string EditVerb = "editEventForm";
    public const string SaveVerb = "saveEvent";

    private static readonly LocalDatePattern DatePattern = LocalDatePattern.Iso;
    private static readonly LocalTimePattern[] TimePatterns =
        [LocalTimePattern.CreateWithInvariantCulture("HH:mm"), LocalTimePattern.CreateWithInvariantCulture("HH:mm:ss")];

    private static readonly string[] CommonZones =
    [
        "Europe/London", "Europe/Dublin", "Europe/Lisbon", "Europe/Oslo", "Europe/Amsterdam", "Europe/Brussels", "Europe/Berlin",
        "Europe/Paris", "Europe/Geneva", "Europe/Helsinki", "Africa/Nairobi", "Africa/Johannesburg", "Asia/Kolkata", "Asia/Singapore",
        "Asia/Tokyo", "Australia/Sydney", "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles", "America/Sao_Paulo", "UTC",
    ];

    public static JsonObject Render(CardSurface surface, EventDetails? details, int? eventNumber, IReadOnlyList<FieldError> errors, string defaultZone,
        EventKind? kind = null)
    {
        string? ErrorFor(string field) =>
            errors.Where(e => e.Field == field).Select(e => e.Message).FirstOrDefault() is { } m ? m : null;
        var zone = details?.TimeZoneId ?? defaultZone;
        var zones = CommonZones.Contains(zone) ? CommonZones : CommonZones.Prepend(zone).ToArray();
        var unplaced = errors.Where(e => !FormFields.Contains(e.Field)).Select(e => e.Message).ToList();

        var body = new List<JsonNode?>
        {
            Ac.Text(eventNumber is null ? "New event" : $"Edit #{eventNumber}", size: "Large", weight: "Bolder"),
        };
        if (errors.Count > 0)
        {
            body.Add(Ac.Text("Please fix the fields marked below.", color: "Attention", weight: "Bolder"));
        }

        foreach (var message in unplaced)
        {
            body.Add(Ac.Text(message, color: "Attention"));
        }

        body.AddRange(
        [
            Ac.InputChoice("kind", "Kind", [("Webinar (online)", "webinar"), ("Panel", "panel")],
                (details?.Kind ?? kind ?? EventKind.Webinar).ToString().ToLowerInvariant(), error: ErrorFor(EventFields.Kind)),
            Ac.InputText("title", "Title", details?.Title, "The relationship between peace operations and humanitarian assistance",
                required: true, maxLength: 200, error: ErrorFor(EventFields.Title)),
            Ac.InputText("summary", "Short summary", details?.Summary, maxLength: 500, error: ErrorFor(EventFields.Summary)),
            Ac.InputDate("date", "Date", details is null ? null : DatePattern.Format(details.Date), required: true, error: ErrorFor(EventFields.Date)),
            Ac.ColumnSet(
                Ac.Column([Ac.InputTime("start", "Starts", details is null ? null : Time(details.StartTime), required: true, error: ErrorFor(EventFields.Start))]),
                Ac.Column([Ac.InputTime("end", "Ends", details is null ? null : Time(details.EndTime), required: true, error: ErrorFor(EventFields.End))])),
            Ac.InputChoice("zone", "Time zone", zones.Select(z => (z, z)), zone, filtered: true, error: ErrorFor(EventFields.Zone)),
            Ac.InputText("venue", "Venue (leave empty when online only)", details?.Venue?.Name, error: ErrorFor(EventFields.Venue)),
            Ac.InputText("city", "City", details?.Venue?.City),
            Ac.InputText("platform", "Online platform", details?.OnlineMeeting?.Platform, "Zoom, Teams…", error: ErrorFor(EventFields.Platform)),
            Ac.InputText("link", "Join link (shown only to confirmed participants)", details?.OnlineMeeting?.JoinUrl, "https://",
                error: ErrorFor(EventFields.Link)),
            Ac.InputText("capacity", "Seats (empty = no limit)", details?.Capacity?.ToString(CultureInfo.InvariantCulture),
                error: ErrorFor(EventFields.Capacity)),
            Ac.InputToggle("recorded", "The event is recorded", details?.Recorded ?? false),
            Ac.InputText("description", "Description (Markdown)", details?.Description, multiline: true, maxLength: 10_000,
                error: ErrorFor(EventFields.Description)),
        ]);
        // A fresh id per rendering: a second click on the same Create finds the event the first one made.
        var data = new JsonObject { [Forms.CardSubmissions.Key] = Forms.CardSubmissions.NewId() };
        if (eventNumber is not null)
        {
            data["event"] = eventNumber;
        }

        var actions = new List<JsonNode?>
        {
            Ac.Action(surface, eventNumber is null ? "Create" : "Save", eventNumber is null ? CreateVerb : SaveVerb, data, style: "positive"),
        };
        if (eventNumber is not null)
        {
            actions.Add(Ac.WithoutInputs(Ac.Action(surface, "Back to the event", EventCard.RefreshVerb, new JsonObject { ["event"] = eventNumber })));
        }

        return Ac.Card(body, actions);
    }

    /// <summary>Reads submitted form data on top of <paramref name="current"/> (null for a new event).</summary>
    public static DomainResult<EventDetails> Read(JsonObject data, EventDetails? current, string defaultZone)
    {
        var errors = new List<FieldError>();
        var kind = Text(data, "kind")?.ToLowerInvariant() switch
        {
            "panel" => EventKind.Panel,
            "webinar" or null => EventKind.Webinar,
            var other => Error(errors, EventFields.Kind, $"'{other}' is not a kind of event: choose webinar or panel.", EventKind.Webinar),
        };
        var date = Parse(Text(data, "date"), DatePattern, errors, EventFields.Date, "Pick the date (YYYY-MM-DD).");
        var start = ParseTime(Text(data, "start"), errors, EventFields.Start, "When does it start (HH:MM)?");
        var end = ParseTime(Text(data, "end"), errors, EventFields.End, "When does it end (HH:MM)?");
        int? capacity = null;
        if (Text(data, "capacity") is { } seats)
        {
            if (int.TryParse(seats, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n))
            {
                capacity = n;
            }
            else
            {
                errors.Add(new FieldError(EventFields.Capacity, $"'{seats}' is not a number of seats: give a whole number, or leave it empty."));
            }
        }
        if (errors.Count > 0 || date is null || start is null || end is null)
        {
            return DomainResult<EventDetails>.Fail(errors);
        }

        var venue = Text(data, "venue") is { } venueName ? new Venue(venueName, current?.Venue?.Address, Text(data, "city")) : null;
        var link = Text(data, "link");
        var platform = Text(data, "platform");
        var online = link is null && platform is null ? null
            : new OnlineMeeting(platform ?? OnlineMeeting.PlatformFromUrl(link), link, current?.OnlineMeeting?.Passcode, current?.OnlineMeeting?.DialIn);
        var baseline = current ?? new EventDetails
        {
            Kind = kind,
            Title = "",
            Date = date.Value,
            StartTime = start.Value,
            EndTime = end.Value,
            TimeZoneId = defaultZone,
        };
        return DomainResult<EventDetails>.Ok(baseline with
        {
            Kind = kind,
            Title = Text(data, "title") ?? "",
            Summary = Text(data, "summary"),
            Description = Text(data, "description"),
            Date = date.Value,
            StartTime = start.Value,
            EndTime = end.Value,
            TimeZoneId = Text(data, "zone") ?? defaultZone,
            Venue = venue,
            OnlineMeeting = online,
            Capacity = capacity,
            Recorded = string.Equals(Text(data, "recorded"), "true", StringComparison.OrdinalIgnoreCase),
        });
    }

    private static readonly HashSet<string> FormFields =
    [
        EventFields.Kind, EventFields.Title, EventFields.Summary, EventFields.Date, EventFields.Start, EventFields.End, EventFields.Zone,
        EventFields.Venue, EventFields.Platform, EventFields.Link, EventFields.Capacity, EventFields.Description,
    ];

    private static string Time(LocalTime time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    private static string? Text(JsonObject data, string key)
    {
        var node = data[key];
        var text = node is JsonValue value ? value.ToString() : node?.ToJsonString();
        return string.IsNullOrWhiteSpace(text) ? null : text.Trim();
    }

    private static T Error<T>(List<FieldError> errors, string field, string message, T fallback)
    {
        errors.Add(new FieldError(field, message));
        return fallback;
    }

    private static LocalDate? Parse(string? text, LocalDatePattern pattern, List<FieldError> errors, string field, string ask)
    {
        if (text is null)
        {
            return Error<LocalDate?>(errors, field, ask, null);
        }

        var result = pattern.Parse(text);
        return result.Success ? result.Value : Error<LocalDate?>(errors, field, $"'{text}' is not a date on the calendar. {ask}", null);
    }

    private static LocalTime? ParseTime(string? text, List<FieldError> errors, string field, string ask)
    {
        if (text is null)
        {
            return Error<LocalTime?>(errors, field, ask, null);
        }

        foreach (var pattern in TimePatterns)
        {
            if (pattern.Parse(text) is { Success: true } parsed)
            {
                return parsed.Value;
            }
        }

        return Error<LocalTime?>(errors, field, $"'{text}' is not a time. {ask}", null);
    }
}
