using NodaTime;
using PanelBot.Domain.Events;
using PanelBot.Domain.Programme;

namespace PanelBot.Domain.Time;

/// <summary>A possible start for an event, with every speaker's local time of it.</summary>
public sealed record SlotOption(LocalDateTime Start, LocalDateTime End, Instant StartsAt, Instant EndsAt, IReadOnlyList<SpeakerLocalTime> Speakers)
{
    /// <summary>The margin of the speaker worst off (see <see cref="WakingHours.MarginMinutes"/>).</summary>
    public int WorstMargin => Speakers.Count == 0 ? int.MaxValue : Speakers.Min(s => s.MarginMinutes);

    public bool SuitsEveryone => WorstMargin >= 0;
}

/// <summary>
/// What <see cref="SlotFinder"/> found. When <see cref="EveryoneFits"/>, <see cref="Options"/> are start times inside every
/// speaker's waking hours, best first; otherwise it holds at most one: the fairest compromise on <see cref="Date"/>.
/// </summary>
public sealed record SlotSearch(LocalDate Date, int SpeakerCount, bool EveryoneFits, IReadOnlyList<SlotOption> Options, int DaysSearched);

/// <summary>
/// Start times for an event that suit every speaker who has a zone. Candidates are the event's own length started every
/// <see cref="StepMinutes"/> minutes on its date, in its zone (times skipped by a clock change left out); they are ranked
/// by the margin of the speaker worst off, then by how close they are to the current start. Only when none suits everyone
/// are the days around the date tried, nearest first, up to <see cref="DaysAround"/> days either side.
/// </summary>
public static class SlotFinder
{
    public const int MaxOptions = 3;
    public const int StepMinutes = 15;
    public const int DaysAround = 7;

    /// <summary>Options offered together start at least this far apart, so that they are real alternatives.</summary>
    public const int MinMinutesApart = 30;

    public static SlotSearch Find(Event ev, WakingHours hours, Instant now)
    {
        ArgumentNullException.ThrowIfNull(ev);
        var length = (int)Period.Between(ev.Start, ev.End, PeriodUnits.Minutes).Minutes;
        return Find(ev.Start, length, ev.Zone, SpeakerHours.WithZones(ev), hours, now);
    }

    /// <param name="current">The event's local start now (its date is the one searched).</param>
    /// <param name="lengthMinutes">Local length of the event; every option ends on the day it starts.</param>
    public static SlotSearch Find(LocalDateTime current, int lengthMinutes, DateTimeZone zone, IReadOnlyList<Speaker> speakers,
        WakingHours hours, Instant now)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(speakers);
        ArgumentNullException.ThrowIfNull(hours);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lengthMinutes);
        var date = current.Date;
        var zoned = speakers.Where(s => SpeakerHours.ZoneOf(s) is not null).ToList();
        if (zoned.Count == 0)
        {
            return new SlotSearch(date, 0, false, [], 0);
        }

        var onDate = Candidates(date, lengthMinutes, zone, zoned, hours, now);
        var fits = onDate.Where(o => o.SuitsEveryone).ToList();
        if (fits.Count > 0)
        {
            return new SlotSearch(date, zoned.Count, true, Pick(fits, current), 0);
        }

        var searched = new List<SlotOption>(onDate);
        for (var days = 1; days <= DaysAround; days++)
        {
            var near = Candidates(date.PlusDays(-days), lengthMinutes, zone, zoned, hours, now)
                .Concat(Candidates(date.PlusDays(days), lengthMinutes, zone, zoned, hours, now))
                .ToList();
            searched.AddRange(near);
            var nearFits = near.Where(o => o.SuitsEveryone).ToList();
            if (nearFits.Count > 0)
            {
                return new SlotSearch(date, zoned.Count, true, Pick(nearFits, current), days);
            }
        }

        // Nobody-left-out is impossible: offer the start that hurts the worst-off speaker least, on the date if it has any left.
        var pool = onDate.Count > 0 ? onDate : searched;
        var best = Ranked(pool, current).FirstOrDefault();
        return new SlotSearch(date, zoned.Count, false, best is null ? [] : [best], DaysAround);
    }

    private static List<SlotOption> Candidates(LocalDate date, int lengthMinutes, DateTimeZone zone, IReadOnlyList<Speaker> speakers,
        WakingHours hours, Instant now)
    {
        var options = new List<SlotOption>();
        for (var minute = 0; minute + lengthMinutes < 24 * 60; minute += StepMinutes)
        {
            var start = date.At(LocalTime.Midnight).PlusMinutes(minute);
            var end = start.PlusMinutes(lengthMinutes);
            if (Map(start, zone) is not { } startsAt || Map(end, zone) is not { } endsAt)
            {
                continue;
            }

            if (startsAt <= now || endsAt <= startsAt)
            {
                continue;
            }

            options.Add(new SlotOption(start, end, startsAt, endsAt, SpeakerHours.For(speakers, startsAt, endsAt, hours)));
        }
        return options;
    }

    /// <summary>As events are resolved: a time skipped by a clock change does not exist, a repeated one is the first.</summary>
    private static Instant? Map(LocalDateTime local, DateTimeZone zone)
    {
        var mapping = zone.MapLocal(local);
        return mapping.Count == 0 ? null : mapping.First().ToInstant();
    }

    private static IEnumerable<SlotOption> Ranked(IEnumerable<SlotOption> options, LocalDateTime current) =>
        options.OrderByDescending(o => o.WorstMargin)
            .ThenBy(o => Math.Abs(Period.Between(current, o.Start, PeriodUnits.Minutes).Minutes))
            .ThenBy(o => o.Start);

    private static IReadOnlyList<SlotOption> Pick(IEnumerable<SlotOption> fits, LocalDateTime current)
    {
        var picked = new List<SlotOption>();
        foreach (var option in Ranked(fits, current))
        {
            if (picked.Any(p => Math.Abs((p.StartsAt - option.StartsAt).TotalMinutes) < MinMinutesApart))
            {
                continue;
            }

            picked.Add(option);
            if (picked.Count == MaxOptions)
            {
                break;
            }
        }
        return picked;
    }
}
