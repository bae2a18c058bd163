using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;

namespace PanelBot.Features.Rsvp;

/// <summary>The attendee list as RFC 4180 CSV, safe to open in a spreadsheet.</summary>
public static class AttendeeCsv
{
    private static readonly LocalDateTimePattern Answered = LocalDateTimePattern.CreateWithInvariantCulture("yyyy-MM-dd HH:mm");

    public static string Write(Event ev, IEnumerable<Registration> registrations)
    {
        var csv = new StringBuilder();
        Row(csv, "Name", "Email", "Answer", "Waitlist position", $"Answered ({ev.TimeZoneId})");
        var all = registrations.ToList();
        var places = WaitlistPlaces.Rank(all);
        foreach (var r in all.OrderBy(r => r.State).ThenBy(r => r.WaitlistTicket ?? 0).ThenBy(r => r.CreatedAt))
        {
            Row(csv, r.UserName, r.Email ?? "", Answer(r.State), places.Of(r)?.ToString(CultureInfo.InvariantCulture) ?? "",
                Answered.Format(r.AnsweredAt.InZone(ev.Zone).LocalDateTime));
        }
        return csv.ToString();
    }

    /// <summary>
    /// Quotes as RFC 4180 says, and defuses formulas: a cell that a spreadsheet would evaluate (starting with
    /// = + - @, tab or CR) gets a leading apostrophe, as OWASP recommends against CSV injection.
    /// </summary>
    public static string Cell(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.IndexOfAny(['"', ',', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    private static void Row(StringBuilder csv, params string[] cells) =>
        csv.Append(string.Join(",", cells.Select(Cell))).Append("\r\n");

    private static string Answer(RsvpState state) => state switch
    {
        RsvpState.Going => "going",
        RsvpState.Maybe => "maybe",
        RsvpState.No => "can't go",
        RsvpState.Waitlisted => "waitlisted",
        RsvpState.AwaitingApproval => "awaiting approval",
        _ => state.ToString(),
    };
}
