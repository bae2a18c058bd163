using NodaTime;

namespace PanelBot.Calendar;

/// <summary>Writes iCalendar objects; see <see cref="CalendarWriter"/>.</summary>
public interface ICalendarWriter
{
    /// <summary>
    /// Writes one VCALENDAR holding <paramref name="events"/>: UTF-8 text (encode without BOM), CRLF line ends, folded at
    /// 75 octets. <paramref name="method"/> null omits METHOD (plain .ics).
    /// </summary>
    string Write(CalendarMethod? method, IReadOnlyList<CalendarEvent> events, Instant dtStamp, string prodId = CalendarWriter.DefaultProdId);
}
