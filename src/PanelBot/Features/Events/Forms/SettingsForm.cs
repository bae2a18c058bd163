using System.Globalization;
using System.Text.Json.Nodes;
using NodaTime;
using NodaTime.Text;
using PanelBot.Cards;
using PanelBot.Conversation;
using PanelBot.Domain;
using PanelBot.Domain.Commands;
using PanelBot.Domain.Events;

namespace PanelBot.Features.Events.Forms;

/// <summary>Registration settings: seats, RSVP deadline, approval, when the join link is released, and reminder times.</summary>
public static class SettingsForm
{
    public const string SaveVerb = "saveSettings";

    public sealed record Settings(int? Capacity, LocalDateTime? Deadline, bool Approval, int ReleaseDays, IReadOnlyList<Duration> Reminders);

    public static BotReply Render(CardSurface surface, Event ev, JsonObject values, FormErrors errors, string? lead = null)
    {
        var body = FormCard.Header("Settings", ev, lead, errors);
        string? V(string key) => FormCard.Text(values, key);
        body.AddRange(
        [
            Ac.InputNumber("capacity", "Seats (empty = no limit)", V("capacity"), 0, 100_000, "No limit", error: errors.For("capacity")),
            Ac.Text($"RSVP deadline ({ev.TimeZoneId}; empty = until the start)", weight: "Bolder", spacing: "Medium"),
            Ac.ColumnSet(
                Ac.Column([Ac.InputDate("deadlineDate", "Date", V("deadlineDate"), error: errors.For("deadlineDate"))]),
                Ac.Column([Ac.InputTime("deadlineTime", "Time", V("deadlineTime"), error: errors.For("deadlineTime"))])),
            Ac.InputToggle("approval", "Organisers approve each registration", V("approval") == "true"),
            Ac.InputNumber("release", "Days before the start when confirmed participants get the join link", V("release"), 0,
                EventValidator.MaxJoinLinkReleaseDays, error: errors.For("release")),
            Ac.InputText("reminders", "Reminders before the start (d days, h hours, m minutes)", V("reminders"), "3d,1h", error: errors.For("reminders")),
        ]);
        var actions = new[] { Ac.Action(surface, "Save settings", SaveVerb, FormCard.SubmitData(ev), style: "positive"), FormCard.Done(surface, ev) };
        var text = $"Settings of {ev.Reference}. By text: `set {ev.Reference} capacity 80`, `set {ev.Reference} deadline 2026-12-07 12:00`, " +
                   $"`set {ev.Reference} approval yes`, `set {ev.Reference} release 3`, `remind {ev.Reference} 3d,1h`.";
        return FormCard.Reply(Ac.Card(body, actions), text, errors);
    }

    public static JsonObject ValuesOf(Event ev, IReadOnlyList<Duration> reminders) => new()
    {
        ["capacity"] = ev.Capacity?.ToString(CultureInfo.InvariantCulture),
        ["deadlineDate"] = ev.RsvpDeadline is { } d ? LocalDatePattern.Iso.Format(d.Date) : null,
        ["deadlineTime"] = ev.RsvpDeadline is { } t ? t.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture) : null,
        ["approval"] = ev.RegistrationMode == RegistrationMode.Approval ? "true" : "false",
        ["release"] = ev.JoinLinkReleaseDays.ToString(CultureInfo.InvariantCulture),
        ["reminders"] = Scheduling.ReminderOffsets.Format(reminders),
    };

    /// <summary>Reads the form; reminder times go through the <c>remind</c> command's own parser.</summary>
    public static (Settings? Settings, FormErrors Errors) Read(JsonObject data, Event ev, LocalDate today)
    {
        var errors = new Dictionary<string, string>();
        int? capacity = null;
        if (FormCard.Text(data, "capacity") is { } seats)
        {
            if (double.TryParse(seats, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n == Math.Floor(n) && Math.Abs(n) < int.MaxValue)
            {
                capacity = (int)n;
            }
            else
            {
                errors["capacity"] = $"'{seats}' is not a number of seats: give a whole number, or leave it empty for no limit.";
            }
        }
        LocalDateTime? deadline = null;
        var dateText = FormCard.Text(data, "deadlineDate");
        var timeText = FormCard.Text(data, "deadlineTime");
        if (dateText is not null)
        {
            var date = LocalDatePattern.Iso.Parse(dateText);
            var time = timeText is null ? null : LocalTimePattern.CreateWithInvariantCulture("HH:mm").Parse(timeText[..Math.Min(5, timeText.Length)]);
            if (!date.Success)
            {
                errors["deadlineDate"] = $"'{dateText}' is not a date on the calendar (YYYY-MM-DD).";
            }
            else if (time is { Success: false })
            {
                errors["deadlineTime"] = $"'{timeText}' is not a time (HH:MM).";
            }
            // A date alone means "by the end of that day", as with set #N deadline.
            else
            {
                deadline = date.Value + (time?.Value ?? new LocalTime(23, 59));
            }
        }
        else if (timeText is not null)
        {
            errors["deadlineDate"] = "Pick the date of the deadline too, or clear the time.";
        }

        var releaseText = FormCard.Text(data, "release");
        var release = ev.JoinLinkReleaseDays;
        if (releaseText is not null)
        {
            if (double.TryParse(releaseText, NumberStyles.Float, CultureInfo.InvariantCulture, out var days) && days == Math.Floor(days) && Math.Abs(days) < 10_000)
            {
                release = (int)days;
            }
            else
            {
                errors["release"] = $"'{releaseText}' is not a number of days.";
            }
        }
        IReadOnlyList<Duration> reminders = [];
        if (FormCard.Text(data, "reminders") is { } remindText)
        {
            if (CommandParser.TryParse($"remind {ev.Reference} {remindText}", today, out var command, out var error) && command is RemindCommand remind)
            {
                reminders = remind.Offsets;
            }
            else
            {
                errors["reminders"] = error?.Message.Replace($"remind {ev.Reference} ", "") ?? $"'{remindText}' are not reminder times.";
            }
        }
        else
        {
            errors["reminders"] = "When should participants be reminded? For example 3d,1h (3 days and 1 hour before).";
        }

        var approval = string.Equals(FormCard.Text(data, "approval"), "true", StringComparison.OrdinalIgnoreCase);
        return errors.Count > 0 ? (null, new FormErrors(errors, [])) : (new Settings(capacity, deadline, approval, release, reminders), FormErrors.None);
    }

    public static FormErrors FromDomain(IEnumerable<FieldError> errors) => FormErrors.From(errors, e => e.Field switch
    {
        EventFields.Capacity => "capacity",
        EventFields.Deadline => "deadlineDate",
        EventFields.Release => "release",
        _ => null,
    });
}
