using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace PanelBot.Calendar;

/// <summary>
/// Reads an iTIP REPLY (Outlook, Gmail, Apple, Thunderbird shapes). Liberal about line ends, folding, case and unknown
/// properties; strict about what matters: a VCALENDAR with <c>METHOD:REPLY</c>, a VEVENT with a UID, and at least one
/// <c>mailto:</c> ATTENDEE. Anything else returns false; it never throws for bad input.
/// </summary>
public static class ItipReplyParser
{
    private const string Mailto = "mailto:";

    public static bool TryParse(string? ics, [NotNullWhen(true)] out ItipReply? reply)
    {
        reply = null;
        if (string.IsNullOrWhiteSpace(ics))
        {
            return false;
        }

        var lines = IcsReader.Unfold(ics)
            .Select(line => IcsReader.TryParseLine(line, out var parsed) ? parsed : null)
            .OfType<IcsContentLine>()
            .ToList();
        if (lines.Count == 0 || !IsBegin(lines[0], "VCALENDAR"))
        {
            return false;
        }

        var method = ReadCalendarProperty(lines, "METHOD");
        if (!string.Equals(method?.Trim(), "REPLY", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var vevent = FirstEventProperties(lines);
        return vevent is not null && TryReadEvent(vevent, out reply);
    }

    private static bool TryReadEvent(List<IcsContentLine> properties, [NotNullWhen(true)] out ItipReply? reply)
    {
        reply = null;
        var uid = Find(properties, "UID")?.TextValue.Trim();
        if (string.IsNullOrEmpty(uid))
        {
            return false;
        }

        var sequenceText = Find(properties, "SEQUENCE")?.Value.Trim();
        var sequence = 0;
        if (sequenceText is not null && (!int.TryParse(sequenceText, NumberStyles.None, CultureInfo.InvariantCulture, out sequence)))
        {
            return false;
        }

        var attendees = properties
            .Where(p => p.Name == "ATTENDEE")
            .Select(p => (Line: p, Email: MailtoAddressOf(p.Value)))
            .Where(a => a.Email is not null)
            .Select(a => new ItipReplyAttendee(a.Email!, IcsTokens.ParsePartStat(a.Line.GetParameter("PARTSTAT")), NullIfEmpty(a.Line.GetParameter("CN"))))
            .ToList();
        if (attendees.Count == 0)
        {
            return false;
        }

        var stamp = Find(properties, "DTSTAMP") is { } dtStampLine && IcsDateTime.TryParseUtc(dtStampLine.Value, out var instant)
            ? instant
            : (NodaTime.Instant?)null;
        var organizer = Find(properties, "ORGANIZER") is { } organizerLine ? MailtoAddressOf(organizerLine.Value) : null;
        reply = new ItipReply(uid, sequence, stamp, organizer, attendees, NullIfEmpty(Find(properties, "RECURRENCE-ID")?.Value.Trim()));
        return true;
    }

    /// <summary>Properties directly inside the first VEVENT (nested VALARMs skipped); null when there is no complete VEVENT.</summary>
    private static List<IcsContentLine>? FirstEventProperties(List<IcsContentLine> lines)
    {
        var start = lines.FindIndex(l => IsBegin(l, "VEVENT"));
        if (start < 0)
        {
            return null;
        }

        var properties = new List<IcsContentLine>();
        var depth = 0;
        for (var i = start + 1; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Name == "BEGIN")
            {
                depth++;
            }
            else if (line.Name == "END")
            {
                if (depth == 0)
                {
                    return string.Equals(line.Value.Trim(), "VEVENT", StringComparison.OrdinalIgnoreCase) ? properties : null;
                }

                depth--;
            }
            else if (depth == 0)
            {
                properties.Add(line);
            }
        }

        return null;
    }

    private static string? ReadCalendarProperty(List<IcsContentLine> lines, string name)
    {
        var depth = 0;
        foreach (var line in lines)
        {
            depth += line.Name switch { "BEGIN" => 1, "END" => -1, _ => 0 };
            if (depth == 1 && line.Name == name)
            {
                return line.Value;
            }
        }

        return null;
    }

    private static string? MailtoAddressOf(string value)
    {
        var trimmed = value.Trim();
        if (!trimmed.StartsWith(Mailto, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var address = Uri.UnescapeDataString(trimmed[Mailto.Length..]).Trim();
        return address.Length > 0 && address.Contains('@') ? address : null;
    }

    private static IcsContentLine? Find(List<IcsContentLine> properties, string name) => properties.FirstOrDefault(p => p.Name == name);

    private static bool IsBegin(IcsContentLine line, string component) =>
        line.Name == "BEGIN" && string.Equals(line.Value.Trim(), component, StringComparison.OrdinalIgnoreCase);

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
