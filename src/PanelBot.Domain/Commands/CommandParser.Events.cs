using NodaTime;
using PanelBot.Domain.Events;

namespace PanelBot.Domain.Commands;

public static partial class CommandParser
{
    private static readonly Dictionary<string, EventField> FieldWords = new(StringComparer.OrdinalIgnoreCase)
    {
        ["title"] = EventField.Title,
        ["summary"] = EventField.Summary,
        ["description"] = EventField.Description,
        ["date"] = EventField.Date,
        ["start"] = EventField.Start,
        ["end"] = EventField.End,
        ["zone"] = EventField.Zone,
        ["timezone"] = EventField.Zone,
        ["venue"] = EventField.Venue,
        ["link"] = EventField.Link,
        ["url"] = EventField.Link,
        ["platform"] = EventField.Platform,
        ["passcode"] = EventField.Passcode,
        ["dialin"] = EventField.DialIn,
        ["dial-in"] = EventField.DialIn,
        ["recorded"] = EventField.Recorded,
        ["hosts"] = EventField.Hosts,
        ["host"] = EventField.Hosts,
        ["contact"] = EventField.Contact,
        ["partof"] = EventField.PartOf,
        ["part-of"] = EventField.PartOf,
        ["tags"] = EventField.Tags,
        ["capacity"] = EventField.Capacity,
        ["deadline"] = EventField.Deadline,
        ["approval"] = EventField.Approval,
        ["release"] = EventField.Release,
        ["kind"] = EventField.Kind,
    };

    /// <summary>The field words <c>set</c> accepts (canonical ones).</summary>
    public static IReadOnlyList<string> SetFieldNames { get; } =
    [
        "title", "summary", "description", "date", "start", "end", "zone", "venue", "link", "platform", "passcode", "dialin",
        "recorded", "hosts", "contact", "partof", "tags", "capacity", "deadline", "approval", "release", "kind",
    ];

    private const string NewUsage = "new webinar \"TITLE\" 2026-09-09 15:00-16:30 Europe/Oslo";

    private static Command ParseNew(TokenCursor cursor, LocalDate today)
    {
        // "new" alone, or with only the kind, asks for the form: nobody has to learn the one-line grammar first.
        if (cursor.AtEnd)
        {
            return new NewEventFormCommand(null);
        }

        var kindToken = cursor.Next($"What kind of event? Usage: {NewUsage}");
        EventKind kind = kindToken.Text.ToLowerInvariant() switch
        {
            "webinar" => EventKind.Webinar,
            "panel" => EventKind.Panel,
            _ => throw new ParseFailure($"'{kindToken.Text}' is not a kind of event: say new webinar or new panel. Usage: {NewUsage}"),
        };
        if (cursor.AtEnd)
        {
            return new NewEventFormCommand(kind);
        }

        var titleToken = cursor.Next($"What is the title? Put it in double quotes. Usage: {NewUsage}");
        if (!titleToken.Quoted)
        {
            throw new ParseFailure($"Put the title in double quotes, for example: new {kind.ToString().ToLowerInvariant()} \"{titleToken.Text} ...\" 2026-09-09 15:00-16:30");
        }

        var words = cursor.TakeAll().Select(t => t.Text).ToList();
        if (words.Count == 0)
        {
            throw new ParseFailure($"When is it? Add the date and times, for example: {NewUsage}");
        }

        string? zone = null;
        if (words.Count > 1 && LooksLikeZone(words[^1]))
        {
            zone = words[^1];
            words.RemoveAt(words.Count - 1);
        }
        var (date, start, end) = ParseWhen(words, today);
        return new NewEventCommand(kind, titleToken.Text, date, start, end, zone);
    }

    /// <summary>Splits "DATE START-END" where the date may be several words ("next Thursday", "9 Sep 2026").</summary>
    private static (LocalDate Date, LocalTime Start, LocalTime End) ParseWhen(List<string> words, LocalDate today)
    {
        string? dateError = null;
        string? timeError = null;
        for (var k = Math.Min(4, words.Count); k >= 1; k--)
        {
            var dateText = string.Join(' ', words.Take(k));
            if (!DateText.TryParse(dateText, today, out var date, out var error, out var recognised))
            {
                if (recognised && dateError is null)
                {
                    dateError = error;
                }

                continue;
            }
            var timeText = string.Join(' ', words.Skip(k));
            if (TimeText.TryParseRange(timeText, out var start, out var end, out var rangeError))
            {
                return (date, start, end);
            }

            timeError ??= rangeError;
        }
        if (dateError is not null)
        {
            throw new ParseFailure(dateError);
        }

        if (timeError is not null)
        {
            throw new ParseFailure(timeError);
        }

        throw new ParseFailure($"I could not read the date '{words[0]}'. Write it like {DateText.Examples}, then the times, e.g. {NewUsage}");
    }

    private static bool LooksLikeZone(string word) =>
        word.Contains('/') || word.Equals("UTC", StringComparison.OrdinalIgnoreCase)
        || (word.All(c => char.IsLetter(c) || c == '_')
            && word.ToLowerInvariant() is not ("am" or "pm" or "noon" or "midnight" or "today" or "tomorrow")
            && !DateText.TryMonth(word, out _) && !DateText.TryWeekday(word, out _));

    private static Command ParseSet(TokenCursor cursor)
    {
        const string usage = "set #N FIELD VALUE";
        var ev = cursor.EventRef(usage);
        var fieldToken = cursor.Next($"Which field? One of: {string.Join(", ", SetFieldNames)}. Usage: {usage}");
        if (!FieldWords.TryGetValue(fieldToken.Text, out var field))
        {
            var suggestion = Text.EditDistance.Closest(fieldToken.Text, SetFieldNames);
            var hint = suggestion is null ? "" : $" Did you mean '{suggestion}'?";
            throw new ParseFailure($"I can't set '{fieldToken.Text}'.{hint} Fields: {string.Join(", ", SetFieldNames)}.", suggestion);
        }
        if (cursor.AtEnd && field is not (EventField.Summary or EventField.Description or EventField.Venue or EventField.Tags or EventField.PartOf))
        {
            throw new ParseFailure($"What should the {fieldToken.Text.ToLowerInvariant()} be? Usage: set {ev} {fieldToken.Text.ToLowerInvariant()} VALUE");
        }

        return new SetCommand(ev, field, cursor.Rest());
    }

    private static Command ParseCancel(TokenCursor cursor)
    {
        var ev = cursor.EventRef(CommandCatalog.Usage("cancel"));
        var reason = cursor.Rest();
        return new CancelCommand(ev, reason.Length == 0 ? null : reason);
    }

    private static Command ParseOrganiser(TokenCursor cursor)
    {
        const string usage = "organiser #N add @name";
        var ev = cursor.EventRef(usage);
        bool remove;
        if (cursor.TryKeyword("add"))
        {
            remove = false;
        }
        else if (cursor.TryKeyword("remove"))
        {
            remove = true;
        }
        else
        {
            throw new ParseFailure($"Add or remove? Usage: organiser {ev} add @name (or remove @name).");
        }

        var user = cursor.User(usage);
        cursor.ExpectEnd(usage);
        return new OrganiserCommand(ev, remove, user);
    }
}
