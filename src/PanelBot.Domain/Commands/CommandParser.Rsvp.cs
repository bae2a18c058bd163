using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using PanelBot.Domain.Rsvp;

namespace PanelBot.Domain.Commands;

public static partial class CommandParser
{
    private static Command ParseRsvp(TokenCursor cursor)
    {
        var usage = CommandCatalog.Usage("rsvp");
        var ev = cursor.EventRef(usage);
        var answerTok = cursor.Next($"Going, maybe or no? For example: rsvp {ev} going");
        RsvpAnswer answer = answerTok.Text.ToLowerInvariant() switch
        {
            "going" or "yes" or "attending" or "accept" => RsvpAnswer.Going,
            "maybe" or "tentative" => RsvpAnswer.Maybe,
            "no" or "not" or "not-going" or "decline" or "cant" or "can't" => RsvpAnswer.No,
            _ => throw new ParseFailure($"'{answerTok.Text}' is not an answer: say rsvp {ev} going, rsvp {ev} maybe or rsvp {ev} no."),
        };
        if (answer == RsvpAnswer.No)
        {
            cursor.TryKeyword("going", "go");
        }

        string? email = null;
        if (cursor.TryKeyword("email"))
        {
            email = ParseAddress(cursor, $"rsvp {ev} going email name@example.org");
        }

        cursor.ExpectEnd(usage);
        return new RsvpCommand(ev, answer, email);
    }

    private static Command ParseMyEvents(TokenCursor cursor)
    {
        if (!cursor.TryKeyword("events", "rsvps"))
        {
            throw new ParseFailure("Did you mean 'my events'?", "my events");
        }

        cursor.ExpectEnd("my events");
        return new MyEventsCommand();
    }

    private static Command ParseDecision(TokenCursor cursor, string name, Func<EventRef, UserRef, Command> create)
    {
        var usage = CommandCatalog.Usage(name);
        var ev = cursor.EventRef(usage);
        var user = cursor.User(usage);
        cursor.ExpectEnd(usage);
        return create(ev, user);
    }

    private static Command ParseEmail(TokenCursor cursor)
    {
        var address = ParseAddress(cursor, "email name@example.org");
        cursor.ExpectEnd("email ADDRESS");
        return new EmailCommand(address);
    }

    private static string ParseAddress(TokenCursor cursor, string example)
    {
        var tok = cursor.Next($"Which address? For example: {example}");
        var address = tok.Text.Trim().TrimStart('<').TrimEnd('>');
        // Teams turns typed addresses into links: <a href="mailto:x@y">x@y</a> arrives as mailto: text in some clients.
        if (address.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            address = address[7..];
        }

        if (!Text.TextRules.IsEmail(address))
        {
            throw new ParseFailure($"'{tok.Text}' does not look like an email address. Write it like {example}.");
        }

        return address;
    }

    private static Command ParseForget(TokenCursor cursor)
    {
        if (!cursor.TryKeyword("me"))
        {
            throw new ParseFailure("Did you mean 'forget me'? It deletes your email address and RSVPs.", "forget me");
        }

        var confirmed = cursor.TryKeyword("confirm");
        cursor.ExpectEnd("forget me [confirm]");
        return new ForgetMeCommand(confirmed);
    }

    private static Command ParseRemind(TokenCursor cursor, int maxOffsets)
    {
        var usage = CommandCatalog.Usage("remind");
        var ev = cursor.EventRef(usage);
        var text = string.Join(' ', cursor.TakeAll().Select(t => t.Text));
        if (text.Length == 0)
        {
            throw new ParseFailure($"When should I remind people? For example: remind {ev} 3d,1h (3 days and 1 hour before).");
        }

        var offsets = new List<Duration>();
        var parts = text.Split([',', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length > maxOffsets)
        {
            throw new ParseFailure($"That is {parts.Length} reminder times; an event can have at most {maxOffsets}. For example: remind {ev} 3d,1h.");
        }

        foreach (var part in parts)
        {
            var m = OffsetPattern().Match(part.ToLowerInvariant());
            if (!m.Success)
            {
                throw new ParseFailure($"'{part}' is not a reminder time. Use numbers with d, h or m, e.g. remind {ev} 3d,1h.");
            }

            var n = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            var offset = m.Groups[2].Value[0] switch
            {
                'w' => Duration.FromDays(7 * n),
                'd' => Duration.FromDays(n),
                'h' => Duration.FromHours(n),
                _ => Duration.FromMinutes(n),
            };
            if (offset <= Duration.Zero || offset > Duration.FromDays(60))
            {
                throw new ParseFailure($"'{part}' is out of range: reminders go from 1 minute to 60 days before the start.");
            }

            if (!offsets.Contains(offset))
            {
                offsets.Add(offset);
            }
        }
        offsets.Sort((a, b) => b.CompareTo(a));
        return new RemindCommand(ev, offsets);
    }

    [GeneratedRegex(@"^(\d{1,4})(w|weeks?|d|days?|h|hours?|m|mins?|minutes?)$")]
    private static partial Regex OffsetPattern();
}
