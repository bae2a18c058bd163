using System.Diagnostics.CodeAnalysis;
using NodaTime;
using PanelBot.Domain.Text;

namespace PanelBot.Domain.Commands;

/// <summary>
/// Parses one line of text (bot mention already stripped) into a <see cref="Command"/>. Keywords are case-insensitive.
/// Pure: <c>today</c> is the user's date, for "tomorrow" and weekday names.
/// </summary>
public static partial class CommandParser
{
    public static bool TryParse(string? text, LocalDate today, [NotNullWhen(true)] out Command? command, [NotNullWhen(false)] out ParseError? error) =>
        TryParse(text, today, CommandLimits.Default, out command, out error);

    public static bool TryParse(string? text, LocalDate today, CommandLimits limits,
        [NotNullWhen(true)] out Command? command, [NotNullWhen(false)] out ParseError? error)
    {
        command = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            error = new ParseError("Type a command, for example: events, new, or help for the list.");
            return false;
        }
        if (text.Length > limits.MaxLength)
        {
            error = new ParseError($"That message is {text.Length:N0} characters long; a command can be at most {limits.MaxLength:N0}. " +
                                   "Please shorten it.");
            return false;
        }
        if (!Tokenizer.TryTokenize(text, out var tokens, out error))
        {
            return false;
        }

        if (tokens.FirstOrDefault(t => t.Text.Length > limits.MaxTokenLength) is { } huge)
        {
            error = new ParseError($"One value is {huge.Text.Length:N0} characters long; a value can be at most {limits.MaxTokenLength:N0}. " +
                                   "Please shorten it.");
            return false;
        }
        try
        {
            command = Parse(new TokenCursor(text, tokens), today, limits);
            error = null;
            return true;
        }
        catch (ParseFailure failure)
        {
            error = new ParseError(failure.Message, failure.Suggestion);
            return false;
        }
    }

    /// <summary>Parses or returns the error, for callers that prefer a single value.</summary>
    public static (Command? Command, ParseError? Error) Parse(string? text, LocalDate today) =>
        TryParse(text, today, out var command, out var error) ? (command, null) : (null, error);

    private static Command Parse(TokenCursor cursor, LocalDate today, CommandLimits limits)
    {
        var first = cursor.Next("Type a command, or help for the list.");
        var word = first.Text.ToLowerInvariant();
        if (first.Quoted)
        {
            throw Unknown(first.Text);
        }

        return word switch
        {
            "new" or "create" => ParseNew(cursor, today),
            "set" => ParseSet(cursor),
            "show" => Single(cursor, "show", e => new ShowCommand(e)),
            "events" or "list" => NoArgs(cursor, "events", new ListEventsCommand()),
            "publish" => Single(cursor, "publish", e => new PublishCommand(e)),
            "cancel" => ParseCancel(cursor),
            "organiser" or "organizer" => ParseOrganiser(cursor),
            "speaker" or "speakers" => ParseSpeaker(cursor),
            "times" => Single(cursor, "times", e => new TimesCommand(e)),
            "segment" or "segments" => ParseSegment(cursor),
            "reading" or "readings" => ParseReading(cursor),
            "rsvp" => ParseRsvp(cursor),
            "my" => ParseMyEvents(cursor),
            "attendees" => Single(cursor, "attendees", e => new AttendeesCommand(e)),
            "export" => Single(cursor, "export", e => new ExportCommand(e)),
            "approve" => ParseDecision(cursor, "approve", (e, u) => new ApproveCommand(e, u)),
            "decline" => ParseDecision(cursor, "decline", (e, u) => new DeclineCommand(e, u)),
            "email" => ParseEmail(cursor),
            "forget" => ParseForget(cursor),
            "remind" => ParseRemind(cursor, limits.MaxReminderOffsets),
            "schedule" => Single(cursor, "schedule", e => new ScheduleCommand(e)),
            "outbox" => Single(cursor, "outbox", e => new OutboxCommand(e)),
            "help" or "?" => new HelpCommand(cursor.AtEnd ? null : cursor.Rest().ToLowerInvariant()),
            "demo" => NoArgs(cursor, "demo", new DemoCommand()),
            _ => throw Unknown(first.Text),
        };
    }

    private static ParseFailure Unknown(string word)
    {
        var suggestion = EditDistance.Closest(word, CommandCatalog.Keywords);
        var display = suggestion switch
        {
            "my" => "my events",
            "forget" => "forget me",
            _ => suggestion,
        };
        return suggestion is null
            ? new ParseFailure($"I don't know '{word}'. Type help for the list of commands.")
            : new ParseFailure($"I don't know '{word}'. Did you mean '{display}'? Type help for the list.", display);
    }

    private static Command NoArgs(TokenCursor cursor, string name, Command command)
    {
        cursor.ExpectEnd(CommandCatalog.Usage(name));
        return command;
    }

    private static Command Single(TokenCursor cursor, string name, Func<EventRef, Command> create)
    {
        var usage = CommandCatalog.Usage(name);
        var ev = cursor.EventRef(usage);
        cursor.ExpectEnd(usage);
        return create(ev);
    }
}
