using System.Collections.Concurrent;
using FsCheck;
using FsCheck.Fluent;
using NodaTime;
using PanelBot.Domain.Events;
using PanelBot.Domain.Programme;
using PanelBot.Domain.Time;

namespace PanelBot.Domain.Tests.Time;

/// <summary>
/// The fairness check and <see cref="SlotFinder"/> across every TZDB zone, on ordinary days and on the days around each
/// zone's clock changes in 2027-2029, with random event lengths, starts and waking hours. "Inside" is judged here the
/// plain way (the slot's local start and end on one day, between the hours), independently of the margins the code uses.
/// </summary>
public sealed class SlotFinderPropertyTests
{
    private static readonly Config Runs = Config.QuickThrowOnFailure.WithMaxTest(250);
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 22, 10, 0);
    private static readonly LocalDate FirstDay = new(2027, 1, 1);
    private static readonly string[] Zones = DateTimeZoneProviders.Tzdb.Ids.ToArray();
    private static readonly ConcurrentDictionary<string, LocalDate[]> ClockChanges = new();

    public sealed record Case(string EventZone, string[] SpeakerZones, LocalDate Date, int StartMinute, int Length, WakingHours Hours)
    {
        public DateTimeZone Zone => DateTimeZoneProviders.Tzdb[EventZone];
        public LocalDateTime Current => Date.At(LocalTime.Midnight).PlusMinutes(StartMinute);

        public IReadOnlyList<Speaker> Speakers => SpeakerZones
            .Select((zone, i) => new Speaker { Name = $"Speaker {i + 1}", Role = SpeakerRole.Panellist, TimeZoneId = zone })
            .ToList();

        public SlotSearch Find(IReadOnlyList<Speaker>? speakers = null) =>
            SlotFinder.Find(Current, Length, Zone, speakers ?? Speakers, Hours, Now);

        public override string ToString() =>
            $"{EventZone} {Date:yyyy-MM-dd} +{StartMinute} min for {Length} min, hours {Hours}, speakers in {string.Join(", ", SpeakerZones)}";
    }

    private static readonly Gen<LocalDate> AnyDay = Gen.Choose(0, 3 * 365 - 1).Select(FirstDay.PlusDays);

    /// <summary>The local dates on which a zone's offset changes in 2027-2029, or any day for zones without changes.</summary>
    private static Gen<LocalDate> ClockChangeDay(string zoneId)
    {
        var days = ClockChanges.GetOrAdd(zoneId, id =>
        {
            var zone = DateTimeZoneProviders.Tzdb[id];
            var from = Instant.FromUtc(2027, 1, 2, 0, 0);
            return zone.GetZoneIntervals(from, Instant.FromUtc(2029, 12, 30, 0, 0))
                .Where(i => i.HasStart && i.Start > from)
                .Select(i => i.Start.InZone(zone).Date)
                .ToArray();
        });
        return days.Length == 0 ? AnyDay : from day in Gen.Elements(days) from shift in Gen.Choose(-1, 1) select day.PlusDays(shift);
    }

    private static readonly Gen<WakingHours> AnyHours =
        from start in Gen.Choose(0, 720)
        from end in Gen.Choose(start + 60, 1439)
        select new WakingHours(LocalTime.Midnight.PlusMinutes(start), LocalTime.Midnight.PlusMinutes(end));

    private static readonly Gen<Case> Cases =
        from eventZone in Gen.Elements(Zones)
        from count in Gen.Choose(1, 4)
        from speakerZones in Gen.Elements(Zones).ArrayOf(count)
        from date in Gen.Frequency(
            (1, AnyDay),
            (2, ClockChangeDay(eventZone)),
            (3, from zone in Gen.Elements(speakerZones) from day in ClockChangeDay(zone) select day))
        from length in Gen.Choose(2, 16).Select(quarters => quarters * 15)
        from startMinute in Gen.Choose(0, 1439 - length)
        from hours in Gen.Frequency((1, Gen.Constant(WakingHours.Default)), (1, AnyHours))
        select new Case(eventZone, speakerZones, date, startMinute, length, hours);

    /// <summary>The plain reading of "inside": on the speaker's clock the slot starts and ends on one day, within the hours.</summary>
    private static bool Inside(string zoneId, Instant start, Instant end, WakingHours hours, out int margin)
    {
        var zone = DateTimeZoneProviders.Tzdb[zoneId];
        var localStart = start.InZone(zone).LocalDateTime;
        var localEnd = end.InZone(zone).LocalDateTime;
        margin = (int)Math.Min(Period.Between(hours.Start, localStart.TimeOfDay, PeriodUnits.Minutes).Minutes,
            Period.Between(localEnd.TimeOfDay, hours.End, PeriodUnits.Minutes).Minutes);
        return localStart.Date == localEnd.Date && localStart.TimeOfDay >= hours.Start && localEnd.TimeOfDay <= hours.End;
    }

    private static bool InsideForAll(Case c, Instant start, Instant end, out int worstMargin)
    {
        worstMargin = int.MaxValue;
        foreach (var zone in c.SpeakerZones)
        {
            if (!Inside(zone, start, end, c.Hours, out var margin)) return false;
            worstMargin = Math.Min(worstMargin, margin);
        }
        return true;
    }

    /// <summary>Every start on the date, each quarter-hour, that exists in the event's zone (the first of a repeated time).</summary>
    private static IEnumerable<(Instant Start, Instant End)> StartsOnTheDate(Case c)
    {
        for (var minute = 0; minute + c.Length < 24 * 60; minute += SlotFinder.StepMinutes)
        {
            var start = c.Zone.MapLocal(c.Date.At(LocalTime.Midnight).PlusMinutes(minute));
            var end = c.Zone.MapLocal(c.Date.At(LocalTime.Midnight).PlusMinutes(minute + c.Length));
            if (start.Count > 0 && end.Count > 0) yield return (start.First().ToInstant(), end.First().ToInstant());
        }
    }

    [Fact]
    public void Options_ThatSuitEveryone_AreInsideEverySpeakersHours_OnTheirOwnClock()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var search = c.Find();
            if (!search.EveryoneFits) return;
            Assert.InRange(search.Options.Count, 1, SlotFinder.MaxOptions);
            foreach (var option in search.Options)
            {
                Assert.True(InsideForAll(c, option.StartsAt, option.EndsAt, out _), $"{option.Start} is outside someone's hours: {c}");
                Assert.Equal(c.Length, (int)Period.Between(option.Start, option.End, PeriodUnits.Minutes).Minutes);
                Assert.Equal(Math.Abs(Period.Between(c.Date, option.Start.Date, PeriodUnits.Days).Days), search.DaysSearched);
                // The organiser can set it as it is: it resolves to the same instants as an event would.
                var resolved = EventSchedule.Resolve(option.Start, option.End, c.EventZone).GetValueOrThrow();
                Assert.Equal((option.StartsAt, option.EndsAt), (resolved.StartsAt, resolved.EndsAt));
                foreach (var local in option.Speakers)
                    Assert.Equal(option.StartsAt.InZone(local.Zone).LocalDateTime, local.Start);
            }
            Assert.True(search.Options.Zip(search.Options.Skip(1)).All(p => p.First.WorstMargin >= p.Second.WorstMargin), $"not ranked: {c}");
            Assert.True(search.Options.SelectMany((a, i) => search.Options.Skip(i + 1).Select(b => (a, b)))
                .All(p => Math.Abs((p.a.StartsAt - p.b.StartsAt).TotalMinutes) >= SlotFinder.MinMinutesApart), $"too close together: {c}");
        }).Check(Runs);
    }

    [Fact]
    public void Search_FindsAFittingStartOnTheDate_ExactlyWhenOneExists_AndTheBestFirst()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var search = c.Find();
            var fitting = StartsOnTheDate(c).Select(s => InsideForAll(c, s.Start, s.End, out var m) ? m : (int?)null).Where(m => m is not null).ToList();
            Assert.True(fitting.Count > 0 == (search.EveryoneFits && search.DaysSearched == 0), $"{fitting.Count} starts fit on the date, search says {search}: {c}");
            if (fitting.Count > 0) Assert.Equal(fitting.Max(), search.Options[0].WorstMargin);
            if (!search.EveryoneFits && search.Options.Count > 0)
            {
                // The compromise is the start whose worst-off speaker is least far outside their hours.
                var worst = StartsOnTheDate(c).Select(s => SpeakerHours.For(c.Speakers, s.Start, s.End, c.Hours).Min(l => l.MarginMinutes));
                Assert.Equal(worst.Max(), search.Options[0].WorstMargin);
                Assert.False(search.Options[0].SuitsEveryone);
            }
        }).Check(Runs);
    }

    [Fact]
    public void Search_DoesNotDependOnTheOrderOfTheSpeakers()
    {
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var forward = c.Find();
            var backward = c.Find(c.Speakers.Reverse().ToList());
            Assert.Equal(forward.Options.Select(o => o.Start), backward.Options.Select(o => o.Start));
            Assert.Equal(forward.EveryoneFits, backward.EveryoneFits);
        }).Check(Runs);
    }

    [Fact]
    public void OneSpeaker_WithTheDefaultHours_AlwaysHasAStartOnTheDate_ForEventsUpToThreeHours()
    {
        var oneSpeaker = from c in Cases from zone in Gen.Elements(Zones)
                         select c with { SpeakerZones = [zone], Length = Math.Min(c.Length, 180), StartMinute = Math.Min(c.StartMinute, 1439 - 180), Hours = WakingHours.Default };
        Prop.ForAll(oneSpeaker.ToArbitrary(), c =>
        {
            var search = c.Find();
            Assert.True(search.EveryoneFits && search.DaysSearched == 0, $"no start on the date: {c}");
        }).Check(Runs);
    }

    [Fact]
    public void Warning_NamesExactlyTheSpeakersOutsideTheirHours_OnTheEventsDate()
    {
        var clock = new FakeTimeProvider(Now.ToDateTimeOffset());
        Prop.ForAll(Cases.ToArbitrary(), c =>
        {
            var created = Event.Create(1, TestEvents.Details(d => d with
            {
                Date = c.Date, StartTime = c.Current.TimeOfDay, EndTime = c.Current.PlusMinutes(c.Length).TimeOfDay, TimeZoneId = c.EventZone,
            }), TestEvents.Creator, clock);
            if (!created.IsSuccess) return; // a start skipped by a clock change: the event itself is refused
            var ev = created.Value;
            foreach (var speaker in c.Speakers) ev.AddSpeaker(speaker, clock).GetValueOrThrow();

            var outside = c.Speakers.Where(s => !Inside(s.TimeZoneId!, ev.StartsAt, ev.EndsAt, c.Hours, out _)).Select(s => s.Name).ToList();
            var warning = SpeakerHours.Warning(ev, c.Hours);
            if (outside.Count == 0)
            {
                Assert.Null(warning);
                return;
            }
            Assert.NotNull(warning);
            foreach (var speaker in c.Speakers)
                Assert.True(warning.Contains($"for {speaker.Name} (") == outside.Contains(speaker.Name), $"{speaker.Name} in '{warning}': {c}");
        }).Check(Runs);
    }
}
