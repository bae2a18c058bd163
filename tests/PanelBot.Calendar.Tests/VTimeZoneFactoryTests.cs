using NodaTime;
using PanelBot.Calendar.Tests.TestSupport;

namespace PanelBot.Calendar.Tests;

public sealed class VTimeZoneFactoryTests
{
    private static string Write(string zoneId, Instant from, Instant to)
    {
        Assert.True(VTimeZoneFactory.TryCreate(Ics.Zone(zoneId), from, to, out var vtimezone));
        var writer = new ContentLineWriter();
        vtimezone.WriteTo(writer);
        return writer.ToString();
    }

    private static string Lines(params string[] lines) => string.Concat(lines.Select(l => l + "\r\n"));

    private static readonly Instant Jan2027 = Instant.FromUtc(2027, 1, 10, 0, 0);
    private static readonly Instant Aug2027 = Instant.FromUtc(2027, 8, 10, 0, 0);

    [Fact]
    public void TryCreate_EuropeOslo_LastSundayRulesAt02And03()
    {
        Assert.Equal(
            Lines(
                "BEGIN:VTIMEZONE", "TZID:Europe/Oslo",
                "BEGIN:DAYLIGHT", "DTSTART:19700329T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0200",
                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "TZNAME:CEST", "END:DAYLIGHT",
                "BEGIN:STANDARD", "DTSTART:19701025T030000", "TZOFFSETFROM:+0200", "TZOFFSETTO:+0100",
                "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "TZNAME:CET", "END:STANDARD",
                "END:VTIMEZONE"),
            Write("Europe/Oslo", Jan2027, Aug2027));
    }

    [Fact]
    public void TryCreate_AmericaNewYork_SecondSundayMarchFirstSundayNovember()
    {
        Assert.Equal(
            Lines(
                "BEGIN:VTIMEZONE", "TZID:America/New_York",
                "BEGIN:DAYLIGHT", "DTSTART:19700308T020000", "TZOFFSETFROM:-0500", "TZOFFSETTO:-0400",
                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "TZNAME:EDT", "END:DAYLIGHT",
                "BEGIN:STANDARD", "DTSTART:19701101T020000", "TZOFFSETFROM:-0400", "TZOFFSETTO:-0500",
                "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU", "TZNAME:EST", "END:STANDARD",
                "END:VTIMEZONE"),
            Write("America/New_York", Jan2027, Aug2027));
    }

    [Fact]
    public void TryCreate_AustraliaSydney_SouthernHemisphereDaylightStartsInOctober()
    {
        Assert.Equal(
            Lines(
                "BEGIN:VTIMEZONE", "TZID:Australia/Sydney",
                "BEGIN:DAYLIGHT", "DTSTART:19701004T020000", "TZOFFSETFROM:+1000", "TZOFFSETTO:+1100",
                "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU", "TZNAME:AEDT", "END:DAYLIGHT",
                "BEGIN:STANDARD", "DTSTART:19700405T030000", "TZOFFSETFROM:+1100", "TZOFFSETTO:+1000",
                "RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU", "TZNAME:AEST", "END:STANDARD",
                "END:VTIMEZONE"),
            Write("Australia/Sydney", Jan2027, Aug2027));
    }

    [Fact]
    public void TryCreate_EuropeDublin_NegativeDstIsClassifiedByOffsetSoSummerIsDaylight()
    {
        // TZDB calls IST (+01) standard and GMT a negative-save "DST"; clients want the larger offset as DAYLIGHT.
        Assert.Equal(
            Lines(
                "BEGIN:VTIMEZONE", "TZID:Europe/Dublin",
                "BEGIN:DAYLIGHT", "DTSTART:19700329T010000", "TZOFFSETFROM:+0000", "TZOFFSETTO:+0100",
                "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "TZNAME:IST", "END:DAYLIGHT",
                "BEGIN:STANDARD", "DTSTART:19701025T020000", "TZOFFSETFROM:+0100", "TZOFFSETTO:+0000",
                "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "TZNAME:GMT", "END:STANDARD",
                "END:VTIMEZONE"),
            Write("Europe/Dublin", Jan2027, Aug2027));
    }

    [Fact]
    public void TryCreate_AsiaKolkata_SingleStandardWithoutRule()
    {
        Assert.Equal(
            Lines(
                "BEGIN:VTIMEZONE", "TZID:Asia/Kolkata",
                "BEGIN:STANDARD", "DTSTART:19700101T000000", "TZOFFSETFROM:+0530", "TZOFFSETTO:+0530", "TZNAME:IST", "END:STANDARD",
                "END:VTIMEZONE"),
            Write("Asia/Kolkata", Jan2027, Aug2027));
    }

    [Fact]
    public void TryCreate_SpanOfSeveralYears_OneRulePairStillMatchesEveryYear()
    {
        Assert.True(VTimeZoneFactory.TryCreate(Ics.Zone("Europe/Oslo"), Instant.FromUtc(2026, 1, 1, 0, 0), Instant.FromUtc(2031, 12, 1, 0, 0), out var vtimezone));

        var rule = vtimezone.Daylight!.Rule!;
        for (var year = 2025; year <= 2032; year++)
        {
            var expected = Ics.At("Europe/Oslo", year, 3, rule.DateIn(year).Day, 1) + Duration.FromHours(1);
            Assert.Equal(Offset.FromHours(2), Ics.Zone("Europe/Oslo").GetUtcOffset(expected));
            Assert.Equal(Offset.FromHours(1), Ics.Zone("Europe/Oslo").GetUtcOffset(expected - Duration.FromSeconds(1)));
        }
    }

    [Fact]
    public void TryCreate_RuleChangedInsideSpan_ReturnsFalse()
    {
        // The US moved its DST dates in 2007: no single rule pair covers 2006 and 2007.
        var ok = VTimeZoneFactory.TryCreate(Ics.Zone("America/New_York"), Instant.FromUtc(2006, 6, 1, 0, 0), Instant.FromUtc(2007, 6, 1, 0, 0), out _);

        Assert.False(ok);
    }

    [Fact]
    public void TryCreate_DstAbolishedInCoveredYear_ReturnsFalse()
    {
        // Brazil's last DST period ended in February 2019.
        var ok = VTimeZoneFactory.TryCreate(Ics.Zone("America/Sao_Paulo"), Instant.FromUtc(2019, 6, 1, 0, 0), Instant.FromUtc(2019, 6, 2, 0, 0), out _);

        Assert.False(ok);
    }

    [Fact]
    public void TryCreate_AfterDstWasAbolished_FixedOffsetStandard()
    {
        Assert.True(VTimeZoneFactory.TryCreate(Ics.Zone("America/Sao_Paulo"), Instant.FromUtc(2027, 6, 1, 0, 0), Instant.FromUtc(2027, 6, 2, 0, 0), out var vtimezone));

        Assert.Null(vtimezone.Daylight);
        Assert.Null(vtimezone.Standard.Rule);
        Assert.Equal(Offset.FromHours(-3), vtimezone.Standard.OffsetTo);
        Assert.Equal(vtimezone.Standard.OffsetFrom, vtimezone.Standard.OffsetTo);
    }

    [Theory]
    [InlineData(2027, 3, -1, "2027-03-28")]
    [InlineData(2027, 3, 2, "2027-03-14")]
    [InlineData(1970, 10, 1, "1970-10-04")]
    [InlineData(2026, 11, 1, "2026-11-01")]
    public void YearlyRule_DateIn_FindsTheNthOrLastSunday(int year, int month, int week, string expected)
    {
        Assert.Equal(expected, new YearlyRule(month, week, IsoDayOfWeek.Sunday).DateIn(year).ToString("uuuu-MM-dd", null));
    }
}
