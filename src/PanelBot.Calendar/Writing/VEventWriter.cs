using NodaTime;

namespace PanelBot.Calendar;

/// <summary>Writes one VEVENT; text is sanitised (<see cref="IcsSanitizer"/>) and then escaped.</summary>
internal static class VEventWriter
{
    public static void Write(ContentLineWriter output, CalendarEvent e, CalendarMethod? method, Instant dtStamp, DateTimeZone? zone)
    {
        output.WriteLine("BEGIN", "VEVENT");
        output.WriteLine("UID", IcsText.Escape(e.Uid));
        output.WriteLine("SEQUENCE", e.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        output.WriteLine("DTSTAMP", IcsDateTime.FormatUtc(dtStamp));
        WriteTime(output, "DTSTART", e.Start, zone);
        WriteTime(output, "DTEND", e.End, zone);
        output.WriteLine("SUMMARY", SingleLineText(e.Summary));
        if (e.Description is not null)
        {
            output.WriteLine("DESCRIPTION", IcsText.Escape(IcsSanitizer.MultiLine(e.Description)));
        }

        if (e.Location is not null)
        {
            output.WriteLine("LOCATION", SingleLineText(e.Location));
        }

        if (e.Url is not null)
        {
            // URI values are never backslash-escaped; AbsoluteUri has no spaces or controls.
            output.WriteLine("URL", e.Url.AbsoluteUri);
        }

        output.WriteLine("ORGANIZER", WithCommonName([], e.Organizer.CommonName), e.Organizer.ToMailtoUri());
        foreach (var attendee in e.Attendees)
        {
            WriteAttendee(output, attendee);
        }

        var categories = e.Categories.Select(IcsSanitizer.SingleLine).Where(c => c.Length > 0).Select(IcsText.Escape).ToList();
        if (categories.Count > 0)
        {
            output.WriteLine("CATEGORIES", string.Join(',', categories));
        }

        var status = method switch
        {
            CalendarMethod.Cancel => EventStatus.Cancelled,
            CalendarMethod.Reply => (EventStatus?)null,
            _ => e.Status,
        };
        if (status is { } s)
        {
            output.WriteLine("STATUS", IcsTokens.Status(s));
        }

        var opaque = e.Transparency == EventTransparency.Opaque;
        output.WriteLine("TRANSP", opaque ? "OPAQUE" : "TRANSPARENT");
        output.WriteLine("CLASS", "PUBLIC");
        if (e.Created is { } created)
        {
            output.WriteLine("CREATED", IcsDateTime.FormatUtc(created));
        }

        if (e.LastModified is { } lastModified)
        {
            output.WriteLine("LAST-MODIFIED", IcsDateTime.FormatUtc(lastModified));
        }

        output.WriteLine("X-MICROSOFT-CDO-BUSYSTATUS", opaque ? "BUSY" : "FREE");
        // Webinars have fixed times: stop Outlook's "propose new time" COUNTER mails.
        output.WriteLine("X-MICROSOFT-DISALLOW-COUNTER", "TRUE");
        foreach (var alarm in e.Alarms)
        {
            WriteAlarm(output, alarm);
        }

        output.WriteLine("END", "VEVENT");
    }

    private static void WriteTime(ContentLineWriter output, string name, Instant instant, DateTimeZone? zone)
    {
        if (zone is null)
        {
            output.WriteLine(name, IcsDateTime.FormatUtc(instant));
            return;
        }

        output.WriteLine(name, [new IcsParameter("TZID", zone.Id)], IcsDateTime.FormatLocal(instant.InZone(zone).LocalDateTime));
    }

    private static void WriteAttendee(ContentLineWriter output, CalendarAttendee attendee)
    {
        // Room for RSVP and CN too, so the list is not grown (and copied) for them.
        var parameters = new List<IcsParameter>(5)
        {
            new("CUTYPE", "INDIVIDUAL"),
            new("ROLE", IcsTokens.Role(attendee.Role)),
            new("PARTSTAT", IcsTokens.PartStat(attendee.PartStat)),
        };
        if (attendee.Rsvp)
        {
            parameters.Add(new IcsParameter("RSVP", "TRUE"));
        }

        output.WriteLine("ATTENDEE", WithCommonName(parameters, attendee.CommonName), attendee.ToMailtoUri());
    }

    private static void WriteAlarm(ContentLineWriter output, CalendarAlarm alarm)
    {
        output.WriteLine("BEGIN", "VALARM");
        output.WriteLine("ACTION", "DISPLAY");
        output.WriteLine("DESCRIPTION", SingleLineText(alarm.Description));
        var lead = IcsDateTime.FormatDuration(alarm.BeforeStart);
        output.WriteLine("TRIGGER", lead == "PT0S" ? lead : "-" + lead);
        output.WriteLine("END", "VALARM");
    }

    private static List<IcsParameter> WithCommonName(List<IcsParameter> parameters, string? commonName)
    {
        var cn = commonName is null ? "" : IcsSanitizer.ParameterValue(commonName);
        if (!string.IsNullOrWhiteSpace(cn))
        {
            parameters.Add(new IcsParameter("CN", cn, alwaysQuote: true));
        }

        return parameters;
    }

    private static string SingleLineText(string text) => IcsText.Escape(IcsSanitizer.SingleLine(text));
}
