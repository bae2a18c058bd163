using System.Globalization;
using PanelBot.Domain.Programme;

namespace PanelBot.Domain.Commands;

public static partial class CommandParser
{
    private static Command ParseSpeaker(TokenCursor cursor)
    {
        var usage = CommandCatalog.Usage("speaker");
        var ev = cursor.EventRef(usage);
        if (cursor.TryKeyword("remove", "delete"))
        {
            var name = cursor.Next($"Whose name? Usage: speaker {ev} remove \"NAME\"").Text;
            cursor.ExpectEnd($"speaker {ev} remove \"NAME\"");
            return new RemoveSpeakerCommand(ev, name);
        }
        if (!cursor.TryKeyword("add"))
        {
            // speaker #N "NAME" confirmed, speaker #N "NAME" zone ZONE
            if (cursor.Peek is { Quoted: true } nameToken)
            {
                cursor.Next("");
                if (cursor.TryKeyword(ZoneWords))
                {
                    var zoneToken = cursor.Next($"Where is {nameToken.Text}? Give an IANA zone, for example: speaker {ev} \"{nameToken.Text}\" zone America/New_York");
                    cursor.ExpectEnd($"speaker {ev} \"NAME\" zone ZONE");
                    var cleared = zoneToken.Text.ToLowerInvariant() is "none" or "clear" or "-";
                    return new SpeakerZoneCommand(ev, nameToken.Text, cleared ? null : zoneToken.Text);
                }
                var statusToken = cursor.Next($"What about {nameToken.Text}? For example: speaker {ev} \"{nameToken.Text}\" confirmed");
                if (!SpeakerRoles.TryParseStatus(statusToken.Text, out var newStatus))
                {
                    throw new ParseFailure($"'{statusToken.Text}' is not a speaker status: use invited, tbc, confirmed or declined (or zone ZONE for where they are).");
                }

                cursor.ExpectEnd($"speaker {ev} \"NAME\" confirmed");
                return new SpeakerStatusCommand(ev, nameToken.Text, newStatus.Value);
            }
            throw new ParseFailure($"Add or remove? Usage: {usage.Replace("#N", ev.ToString())}");
        }

        var nameTok = cursor.Next($"Whose name? Put it in double quotes. Usage: {usage}");
        var roleTok = cursor.Next($"In what role is {nameTok.Text} on the programme? Add one of: {string.Join(", ", SpeakerRoles.Names)}.");
        if (!SpeakerRoles.TryParse(roleTok.Text, out var role))
        {
            if (!nameTok.Quoted)
            {
                throw new ParseFailure($"Put names with spaces in double quotes, for example: speaker {ev} add \"{nameTok.Text} {roleTok.Text}\" presenter");
            }

            throw new ParseFailure($"'{roleTok.Text}' is not a role. Use one of: moderator, chair, presenter (case study), discussant, panellist, keynote.");
        }

        string? affiliation = null, jobTitle = null, topic = null, email = null, zone = null;
        var status = SpeakerStatus.Invited;
        while (!cursor.AtEnd)
        {
            var option = cursor.Next("").Text.ToLowerInvariant();
            if (SpeakerRoles.TryParseStatus(option, out var s))
            {
                status = s.Value;
                continue;
            }
            string Value(string label) => cursor.Next($"What is the {label}? Put it after '{option}', in double quotes if it has spaces.").Text;
            switch (option)
            {
                case "affiliation" or "org" or "organisation" or "organization" or "at": affiliation = Value("affiliation"); break;
                case "title" or "job" or "jobtitle": jobTitle = Value("job title"); break;
                case "topic" or "on": topic = Value("topic"); break;
                case "email": email = Value("email address"); break;
                case "zone" or "timezone" or "tz": zone = Value("time zone (an IANA zone such as America/New_York)"); break;
                default:
                    throw new ParseFailure($"I don't understand '{option}'. After the role you can add: affiliation \"ORG\", title \"JOB TITLE\", topic \"TOPIC\", email ADDRESS, zone ZONE, and tbc, invited, confirmed or declined.");
            }
        }
        var speaker = new Speaker
        {
            Name = nameTok.Text,
            Role = role.Value,
            Affiliation = affiliation,
            JobTitle = jobTitle,
            Topic = topic,
            Email = email,
            TimeZoneId = zone,
            Status = status,
        };
        return new AddSpeakerCommand(ev, speaker);
    }

    private static readonly string[] ZoneWords = ["zone", "timezone", "tz"];

    private static Command ParseSegment(TokenCursor cursor)
    {
        var usage = CommandCatalog.Usage("segment");
        var ev = cursor.EventRef(usage);
        if (cursor.TryKeyword("remove", "delete"))
        {
            var posTok = cursor.Next($"Which segment? Give its position, e.g. segment {ev} remove 2");
            if (!int.TryParse(posTok.Text, NumberStyles.None, CultureInfo.InvariantCulture, out var position) || position < 1)
            {
                throw new ParseFailure($"'{posTok.Text}' is not a position: give the segment's number, e.g. segment {ev} remove 2");
            }

            cursor.ExpectEnd($"segment {ev} remove POSITION");
            return new RemoveSegmentCommand(ev, position);
        }
        if (!cursor.TryKeyword("add"))
        {
            throw new ParseFailure($"Add or remove? Usage: {usage.Replace("#N", ev.ToString())}");
        }

        var title = cursor.Next($"What is the segment called? Usage: {usage}");
        var minutesTok = cursor.Next($"How many minutes does \"{title.Text}\" take? Usage: {usage}");
        var minutesText = minutesTok.Text.ToLowerInvariant();
        foreach (var suffix in new[] { "minutes", "mins", "min", "m" })
        {
            if (minutesText.EndsWith(suffix, StringComparison.Ordinal)) { minutesText = minutesText[..^suffix.Length]; break; }
        }

        if (!int.TryParse(minutesText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var minutes))
        {
            throw new ParseFailure(title.Quoted
                ? $"'{minutesTok.Text}' is not a number of minutes. Usage: {usage}"
                : $"Put the segment title in double quotes, then the minutes: segment {ev} add \"{title.Text} {minutesTok.Text} ...\" 15");
        }

        cursor.TryKeyword("minutes", "mins", "min");
        string? lead = null;
        if (cursor.TryKeyword("lead", "by", "led"))
        {
            cursor.TryKeyword("by");
            lead = cursor.Next("Who leads it? Put the name in double quotes after 'lead'.").Text;
        }
        cursor.ExpectEnd(usage);
        return new AddSegmentCommand(ev, new Segment { Title = title.Text, Minutes = minutes, Lead = lead });
    }

    private static Command ParseReading(TokenCursor cursor)
    {
        var usage = CommandCatalog.Usage("reading");
        var ev = cursor.EventRef(usage);
        if (cursor.TryKeyword("remove", "delete"))
        {
            var t = cursor.Next($"Which reading? Usage: reading {ev} remove \"TITLE\"").Text;
            cursor.ExpectEnd($"reading {ev} remove \"TITLE\"");
            return new RemoveReadingCommand(ev, t);
        }
        if (!cursor.TryKeyword("add"))
        {
            throw new ParseFailure($"Add or remove? Usage: {usage.Replace("#N", ev.ToString())}");
        }

        var title = cursor.Next($"What is the reading called? Usage: {usage}");
        var url = cursor.Next($"Where is it? Add its address after the title, e.g. reading {ev} add \"{title.Text}\" https://example.org/report.pdf");
        if (!title.Quoted && !Text.TextRules.IsWebUrl(url.Text))
        {
            throw new ParseFailure($"Put the reading's title in double quotes, then its address: reading {ev} add \"TITLE\" https://...");
        }

        string? author = null;
        var kind = ReadingKind.Report;
        var timing = ReadingTiming.Before;
        while (!cursor.AtEnd)
        {
            var option = cursor.Next("").Text.ToLowerInvariant();
            switch (option)
            {
                case "by" or "author" or "publisher":
                    author = cursor.Next("Who wrote or published it? Put it after 'by'.").Text;
                    break;
                case "kind" or "type":
                    var kindTok = cursor.Next($"What kind? One of: {string.Join(", ", Reading.KindNames)}.");
                    if (!Reading.TryParseKind(kindTok.Text, out var k))
                    {
                        throw new ParseFailure($"'{kindTok.Text}' is not a kind of reading: use {string.Join(", ", Reading.KindNames)}.");
                    }

                    kind = k.Value;
                    break;
                case "after": timing = ReadingTiming.After; break;
                case "before": timing = ReadingTiming.Before; break;
                default:
                    throw new ParseFailure($"I don't understand '{option}'. After the address you can add: by \"AUTHOR\", kind KIND, after.");
            }
        }
        return new AddReadingCommand(ev, new Reading { Title = title.Text, Url = url.Text, Author = author, Kind = kind, Timing = timing });
    }
}
