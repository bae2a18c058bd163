using System.Globalization;
using NodaTime;
using PanelBot.Domain.Events;

namespace PanelBot.Domain.Commands;

/// <summary>
/// Applies a <see cref="SetCommand"/>'s raw value to an event: reads the value for the field (dates relative to
/// <c>today</c>), then goes through <see cref="Event.Edit"/> so all rules apply. "none" or an empty value clears optional fields.
/// </summary>
public static class SetValue
{
    public static DomainResult<EventUpdate> Apply(Event ev, SetCommand command, LocalDate today, TimeProvider clock) =>
        Apply(ev, command.Field, command.Value, today, clock);

    public static DomainResult<EventUpdate> Apply(Event ev, EventField field, string value, LocalDate today, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var v = value?.Trim() ?? "";
        var clear = v.Length == 0 || v.ToLowerInvariant() is "none" or "-" or "clear";
        var name = field.ToString().ToLowerInvariant();

        DomainResult<EventUpdate> Fail(string message) => DomainResult<EventUpdate>.Fail(name, message);
        DomainResult<EventUpdate> Edit(Func<EventDetails, EventDetails> change) => ev.Edit(change, clock);

        switch (field)
        {
            case EventField.Title: return Edit(d => d with { Title = value ?? "" });
            case EventField.Summary: return Edit(d => d with { Summary = clear ? null : v });
            case EventField.Description: return Edit(d => d with { Description = clear ? null : value });
            case EventField.Date:
                return DateText.TryParse(v, today, out var date, out var dateError, out _) ? Edit(d => d with { Date = date }) : Fail(dateError);
            case EventField.Start:
            case EventField.End:
                if (TimeText.TryParseRange(v, out var s, out var e, out _))
                {
                    return Edit(d => d with { StartTime = s, EndTime = e });
                }

                if (!TimeText.TryParse(v, out var time, out var timeError))
                {
                    return Fail(timeError);
                }

                return field == EventField.Start ? Edit(d => d with { StartTime = time }) : Edit(d => d with { EndTime = time });
            case EventField.Zone: return Edit(d => d with { TimeZoneId = v });
            case EventField.Venue: return Edit(d => d with { Venue = clear ? null : ParseVenue(v) });
            case EventField.Link:
                return Edit(d => d with { OnlineMeeting = clear ? WithoutLink(d.OnlineMeeting) : (d.OnlineMeeting ?? new OnlineMeeting(null, null)) with { JoinUrl = v, Platform = d.OnlineMeeting?.Platform ?? OnlineMeeting.PlatformFromUrl(v) } });
            case EventField.Platform: return Edit(d => d with { OnlineMeeting = (d.OnlineMeeting ?? new OnlineMeeting(null, null)) with { Platform = clear ? null : v } });
            case EventField.Passcode: return Edit(d => d with { OnlineMeeting = (d.OnlineMeeting ?? new OnlineMeeting(null, null)) with { Passcode = clear ? null : v } });
            case EventField.DialIn: return Edit(d => d with { OnlineMeeting = (d.OnlineMeeting ?? new OnlineMeeting(null, null)) with { DialIn = clear ? null : v } });
            case EventField.Recorded:
                return TryYesNo(v, out var recorded) ? Edit(d => d with { Recorded = recorded }) : Fail($"Is it recorded? Say set {ev.Reference} recorded yes or no.");
            case EventField.Approval:
                return TryYesNo(v, out var approval) || TryMode(v, out approval)
                    ? Edit(d => d with { RegistrationMode = approval ? RegistrationMode.Approval : RegistrationMode.Open })
                    : Fail($"Should organisers approve registrations? Say set {ev.Reference} approval yes or no.");
            case EventField.Hosts: return Edit(d => d with { Hosts = clear ? [] : SplitList(v) });
            case EventField.Tags: return Edit(d => d with { Tags = clear ? [] : SplitList(v) });
            case EventField.Contact:
                if (clear)
                {
                    return Edit(d => d with { Contact = null });
                }

                return ParseContact(v) is { } contact ? Edit(d => d with { Contact = contact }) : Fail($"Give the contact's name and email, e.g. set {ev.Reference} contact Jenny Nordvedt jenny@example.org");
            case EventField.PartOf: return Edit(d => d with { PartOf = clear ? null : v });
            case EventField.Capacity:
                if (clear || v.Equals("unlimited", StringComparison.OrdinalIgnoreCase))
                {
                    return Edit(d => d with { Capacity = null });
                }

                return int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var capacity)
                    ? Edit(d => d with { Capacity = capacity })
                    : Fail($"'{v}' is not a number of seats. Say set {ev.Reference} capacity 50, or none for no limit.");
            case EventField.Release:
                return int.TryParse(v.Split(' ')[0], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var days)
                    ? Edit(d => d with { JoinLinkReleaseDays = days })
                    : Fail($"'{v}' is not a number of days. Say set {ev.Reference} release 3 to show the join link 3 days before the start.");
            case EventField.Deadline:
                if (clear)
                {
                    return Edit(d => d with { RsvpDeadline = null });
                }

                return TryDeadline(v, today, out var deadline, out var deadlineError) ? Edit(d => d with { RsvpDeadline = deadline }) : Fail(deadlineError);
            case EventField.Kind:
                return v.ToLowerInvariant() switch
                {
                    "webinar" => Edit(d => d with { Kind = EventKind.Webinar }),
                    "panel" => Edit(d => d with { Kind = EventKind.Panel }),
                    _ => Fail("The kind is webinar or panel."),
                };
            default:
                return Fail($"I can't set {name}.");
        }
    }

    /// <summary>"Name; Address; City" or "Name, Address, City": first part the name, last the city, the rest the address.</summary>
    public static Venue ParseVenue(string text)
    {
        var separator = text.Contains(';') ? ';' : ',';
        var parts = text.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        return parts.Length switch
        {
            0 => new Venue(""),
            1 => new Venue(parts[0]),
            2 => new Venue(parts[0], null, parts[1]),
            _ => new Venue(parts[0], string.Join(", ", parts[1..^1]), parts[^1]),
        };
    }

    /// <summary>"Jenny Nordvedt jenny@example.org" or "Jenny Nordvedt &lt;jenny@example.org&gt;"; null without a name.</summary>
    public static ContactPerson? ParseContact(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var emailWord = words.FirstOrDefault(w => w.Contains('@'));
        if (emailWord is not null)
        {
            words.Remove(emailWord);
        }

        var name = string.Join(' ', words).Trim().TrimEnd(',');
        var email = emailWord?.Trim('<', '>', '(', ')', ',');
        if (email is not null && email.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            email = email[7..];
        }

        return name.Length == 0 ? null : new ContactPerson(name, email);
    }

    private static bool TryDeadline(string text, LocalDate today, out LocalDateTime deadline, out string error)
    {
        deadline = default;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var k = words.Length - 1; k >= 1; k--)
        {
            if (DateText.TryParse(string.Join(' ', words[..k]), today, out var date, out _, out _)
                && TimeText.TryParse(string.Join(' ', words[k..]), out var time, out _))
            {
                deadline = date + time;
                error = "";
                return true;
            }
        }
        if (DateText.TryParse(text, today, out var dayOnly, out error, out _))
        {
            // A bare date means "by the end of that day".
            deadline = dayOnly + new LocalTime(23, 59);
            return true;
        }
        error = $"I could not read the deadline '{text}'. Write a date and time, e.g. 2026-09-07 12:00 or tomorrow 17:00.";
        return false;
    }

    private static OnlineMeeting? WithoutLink(OnlineMeeting? meeting) => meeting is null ? null : meeting with { JoinUrl = null };

    private static IReadOnlyList<string> SplitList(string text) =>
        text.Split(text.Contains(';') ? ';' : ',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static bool TryYesNo(string text, out bool value)
    {
        switch (text.ToLowerInvariant())
        {
            case "yes" or "y" or "true" or "on" or "1": value = true; return true;
            case "no" or "n" or "false" or "off" or "0": value = false; return true;
            default: value = false; return false;
        }
    }

    private static bool TryMode(string text, out bool approval)
    {
        approval = text.Equals("approval", StringComparison.OrdinalIgnoreCase) || text.Equals("required", StringComparison.OrdinalIgnoreCase);
        return approval || text.Equals("open", StringComparison.OrdinalIgnoreCase);
    }
}
