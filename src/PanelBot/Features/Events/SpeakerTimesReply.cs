using System.Text;
using NodaTime.Text;
using PanelBot.Conversation;
using PanelBot.Domain.Events;
using PanelBot.Domain.Time;

namespace PanelBot.Features.Events;

/// <summary><c>times #N</c>: start times that suit every speaker, in the event's zone with each speaker's local time.</summary>
public static class SpeakerTimesReply
{
    public static BotReply Render(Event ev, SlotSearch search, WakingHours hours)
    {
        if (search.SpeakerCount == 0)
        {
            return $"None of the speakers of {ev.Reference} has a time zone yet, so I can't compare their hours. " +
                   $"Add one with `speaker {ev.Reference} \"NAME\" zone America/New_York`.";
        }

        var date = TimeFormats.LongDate(search.Date);
        var everyone = search.SpeakerCount switch
        {
            1 => "the speaker",
            2 => "both speakers",
            var count => $"all {count} speakers",
        };
        var text = new StringBuilder();
        if (search.EveryoneFits)
        {
            text.AppendLine(search.DaysSearched == 0
                ? $"Start times on {date} that suit {everyone} ({hours} their time), in {ev.TimeZoneId}:"
                : $"No start time on {date} suits {everyone} ({hours} their time), but these do on the nearest days, in {ev.TimeZoneId}:");
            var number = 1;
            foreach (var option in search.Options)
            {
                AppendOption(text, ev, option, $"{number++}. ", search.DaysSearched > 0);
            }

            var first = search.Options[0];
            text.AppendLine().Append(search.DaysSearched == 0
                ? $"To use one: `set {ev.Reference} start {Range(first)}`."
                : $"To use one: `set {ev.Reference} date {LocalDatePattern.Iso.Format(first.Start.Date)}`, then `set {ev.Reference} start {Range(first)}`.");
            return text.ToString();
        }

        text.Append($"No start time on {date} (nor up to {SlotFinder.DaysAround} days either side) keeps {everyone} within {hours} their time.");
        if (search.Options.Count == 0)
        {
            return text.Append($" There are no start times left to try on {date}.").ToString();
        }

        var best = search.Options[0];
        var outside = best.Speakers.Where(s => !s.IsInside).ToList();
        text.AppendLine().AppendLine().AppendLine($"The fairest compromise, in {ev.TimeZoneId}:");
        AppendOption(text, ev, best, "", best.Start.Date != search.Date, hours);
        var rest = outside.Count == best.Speakers.Count ? "" : "; everyone else is inside";
        text.AppendLine().AppendLine($"It keeps the speaker worst off as close to their hours as any start can. Outside their hours with it: " +
                                     $"{string.Join(" and ", outside.Select(s => $"{s.Speaker.Name} ({s.HowFarOutside(hours)})"))}{rest}.");
        text.Append(best.Start.Date == ev.Date
            ? $"To use it: `set {ev.Reference} start {Range(best)}`."
            : $"To use it: `set {ev.Reference} date {LocalDatePattern.Iso.Format(best.Start.Date)}`, then `set {ev.Reference} start {Range(best)}`.");
        return text.ToString();
    }

    private static void AppendOption(StringBuilder text, Event ev, SlotOption option, string prefix, bool withDay, WakingHours? marked = null)
    {
        var day = withDay ? TimeFormats.ShortDay(option.Start.Date) + ", " : "";
        var current = option.Start == ev.Start ? " (the current time)" : "";
        text.AppendLine($"{prefix}**{day}{Range(option)}**{current}");
        foreach (var speaker in option.Speakers)
        {
            var outside = marked is not null && !speaker.IsInside ? $": {speaker.HowFarOutside(marked)}" : "";
            text.AppendLine($"   - {speaker.Line(option.Start.Date)}{outside}");
        }
    }

    private static string Range(SlotOption option) =>
        $"{TimeFormats.Time(option.Start.TimeOfDay)}-{TimeFormats.Time(option.End.TimeOfDay)}";
}
