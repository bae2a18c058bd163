using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using NodaTime;
using NodaTime.TimeZones;

namespace PanelBot.Calendar;

/// <summary>
/// Derives a <see cref="VTimeZone"/> from the TZDB transitions of the calendar years an event set covers, following the
/// As Outlook reads them (MS-OXCICAL §2.1.3.1.1.19): classify each transition by offset (to the larger offset is DAYLIGHT, to the smaller is STANDARD,
/// which handles Europe/Dublin's negative DST), describe each kind by one yearly BYMONTH/BYDAY rule whose DTSTART is the
/// rule's date in 1970, and check that rule against every transition of the covered years.
/// </summary>
public static class VTimeZoneFactory
{
    private const int RuleEpochYear = 1970;

    /// <summary>
    /// Builds the VTIMEZONE for <paramref name="zone"/> valid from <paramref name="coveredStart"/> to
    /// <paramref name="coveredEnd"/>. Returns false when the zone's transitions in those years are not exactly one
    /// DAYLIGHT and one STANDARD change per year following one weekday rule each (e.g. a rule change or abolished DST
    /// inside the span); then UTC times are written instead (RFC 5545 §3.3.5 form #2, which needs no VTIMEZONE), which <see cref="CalendarWriter"/> does.
    /// The rule is preferably checked against the year before and after as well, to settle "4th" versus "last" weekday.
    /// </summary>
    public static bool TryCreate(DateTimeZone zone, Instant coveredStart, Instant coveredEnd, [NotNullWhen(true)] out VTimeZone? vtimezone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        if (coveredEnd < coveredStart)
        {
            throw new ArgumentException("The covered range ends before it starts.", nameof(coveredEnd));
        }

        var firstYear = coveredStart.InZone(zone).Year;
        var lastYear = coveredEnd.InZone(zone).Year;
        vtimezone = TryCreate(zone, firstYear - 1, lastYear + 1) ?? TryCreate(zone, firstYear, lastYear);
        return vtimezone is not null;
    }

    // Deriving the rules walks a zone's intervals year by year; every invitation of an event asks for the same zone
    // and years, so the answer is kept. Keyed by the zone instance (TZDB hands out one per id), bounded by a reset.
    private static readonly ConcurrentDictionary<(DateTimeZone Zone, int FirstYear, int LastYear), VTimeZone?> Cache = new();
    private const int MaxCached = 4096;

    private static VTimeZone? TryCreate(DateTimeZone zone, int firstYear, int lastYear)
    {
        var key = (zone, firstYear, lastYear);
        if (Cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (Cache.Count >= MaxCached)
        {
            Cache.Clear();
        }

        return Cache[key] = Derive(zone, firstYear, lastYear);
    }

    private static VTimeZone? Derive(DateTimeZone zone, int firstYear, int lastYear)
    {
        var from = Instant.FromUtc(firstYear, 1, 1, 0, 0);
        var to = Instant.FromUtc(lastYear + 1, 1, 1, 0, 0);
        var intervals = zone.GetZoneIntervals(from, to).ToList();
        var transitions = ZoneTransition.Between(intervals);
        if (transitions.Count == 0)
        {
            var only = intervals[0];
            var fixedStandard = new TimeZoneObservance(
                ObservanceKind.Standard, new LocalDateTime(RuleEpochYear, 1, 1, 0, 0), only.WallOffset, only.WallOffset, null, only.Name);
            return new VTimeZone(zone.Id, fixedStandard, null);
        }

        var years = lastYear - firstYear + 1;
        var daylight = TryObservance(ObservanceKind.Daylight, transitions.Where(t => t.After > t.Before).ToList(), years);
        var standard = TryObservance(ObservanceKind.Standard, transitions.Where(t => t.After < t.Before).ToList(), years);
        var consistent = daylight is not null && standard is not null
            && daylight.OffsetFrom == standard.OffsetTo && daylight.OffsetTo == standard.OffsetFrom;
        return consistent ? new VTimeZone(zone.Id, standard!, daylight) : null;
    }

    private static TimeZoneObservance? TryObservance(ObservanceKind kind, List<ZoneTransition> transitions, int years)
    {
        var distinctYears = transitions.Select(t => t.LocalBefore.Year).Distinct().Count();
        if (transitions.Count != years || distinctYears != years)
        {
            return null;
        }

        var first = transitions[0];
        var sameShape = transitions.All(t =>
            t.Before == first.Before && t.After == first.After
            && t.LocalBefore.Month == first.LocalBefore.Month
            && t.LocalBefore.DayOfWeek == first.LocalBefore.DayOfWeek
            && t.LocalBefore.TimeOfDay == first.LocalBefore.TimeOfDay);
        if (!sameShape)
        {
            return null;
        }

        var weeks = transitions
            .Select(t => WeekCandidates(t.LocalBefore.Date))
            .Aggregate((common, next) => common.Intersect(next).ToArray());
        if (weeks.Length == 0)
        {
            return null;
        }

        // "Last" survives more rule years than "4th" when both fit, which is how TZDB writes such rules.
        var rule = new YearlyRule(first.LocalBefore.Month, weeks.Contains(-1) ? -1 : weeks[0], first.LocalBefore.DayOfWeek);
        var start = rule.DateIn(RuleEpochYear).At(first.LocalBefore.TimeOfDay);
        return new TimeZoneObservance(kind, start, first.Before, first.After, rule, first.NameAfter);
    }

    private static int[] WeekCandidates(LocalDate date)
    {
        var nth = (date.Day - 1) / 7 + 1;
        var isLast = date.Day + 7 > date.Calendar.GetDaysInMonth(date.Year, date.Month);
        return (nth <= 4, isLast) switch
        {
            (true, true) => [nth, -1],
            (true, false) => [nth],
            (false, true) => [-1],
            _ => [],
        };
    }

    /// <summary>A change of wall offset; <see cref="LocalBefore"/> is the wall-clock time just before it.</summary>
    private sealed record ZoneTransition(Instant At, Offset Before, Offset After, string NameAfter)
    {
        public LocalDateTime LocalBefore => At.WithOffset(Before).LocalDateTime;

        public static List<ZoneTransition> Between(IReadOnlyList<ZoneInterval> intervals)
        {
            var transitions = new List<ZoneTransition>();
            for (var i = 1; i < intervals.Count; i++)
            {
                // TZDB also splits intervals where only the abbreviation or the standard/savings split changes.
                if (intervals[i].WallOffset != intervals[i - 1].WallOffset)
                {
                    transitions.Add(new ZoneTransition(intervals[i].Start, intervals[i - 1].WallOffset, intervals[i].WallOffset, intervals[i].Name));
                }
            }

            return transitions;
        }
    }
}
