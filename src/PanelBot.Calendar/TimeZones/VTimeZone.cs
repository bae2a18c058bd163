namespace PanelBot.Calendar;

/// <summary>
/// A VTIMEZONE in the shape every client accepts (RFC 5545 §3.6.5; Outlook's shape: MS-OXCICAL §2.1.3.1.1.19): exactly one STANDARD and at most one DAYLIGHT,
/// each with a yearly BYMONTH/BYDAY rule, or a single rule-less STANDARD for a zone without DST. Never RDATE.
/// Build one with <see cref="VTimeZoneFactory"/>.
/// </summary>
public sealed record VTimeZone(string TzId, TimeZoneObservance Standard, TimeZoneObservance? Daylight)
{
    public void WriteTo(ContentLineWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine("BEGIN", "VTIMEZONE");
        writer.WriteLine("TZID", IcsText.Escape(TzId));
        if (Daylight is not null)
        {
            WriteObservance(writer, Daylight);
        }

        WriteObservance(writer, Standard);
        writer.WriteLine("END", "VTIMEZONE");
    }

    private static void WriteObservance(ContentLineWriter writer, TimeZoneObservance observance)
    {
        var component = observance.Kind == ObservanceKind.Daylight ? "DAYLIGHT" : "STANDARD";
        writer.WriteLine("BEGIN", component);
        writer.WriteLine("DTSTART", IcsDateTime.FormatLocal(observance.Start));
        writer.WriteLine("TZOFFSETFROM", IcsDateTime.FormatOffset(observance.OffsetFrom));
        writer.WriteLine("TZOFFSETTO", IcsDateTime.FormatOffset(observance.OffsetTo));
        if (observance.Rule is not null)
        {
            writer.WriteLine("RRULE", observance.Rule.ToRRule());
        }

        if (!string.IsNullOrEmpty(observance.Name))
        {
            writer.WriteLine("TZNAME", IcsText.Escape(IcsSanitizer.SingleLine(observance.Name)));
        }

        writer.WriteLine("END", component);
    }
}
