using NodaTime;

namespace PanelBot.Calendar;

/// <summary><c>RRULE:FREQ=YEARLY;BYMONTH=m;BYDAY=nDD</c> with one weekday occurrence (<see cref="Week"/> 1-4, or -1 for last).</summary>
public sealed record YearlyRule
{
    public YearlyRule(int month, int week, IsoDayOfWeek day)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        if (week is not (-1 or 1 or 2 or 3 or 4))
        {
            throw new ArgumentOutOfRangeException(nameof(week), week, "Week must be 1-4 or -1 (last).");
        }

        if (day == IsoDayOfWeek.None)
        {
            throw new ArgumentOutOfRangeException(nameof(day));
        }

        Month = month;
        Week = week;
        Day = day;
    }

    public int Month { get; }

    public int Week { get; }

    public IsoDayOfWeek Day { get; }

    /// <summary>The date this rule selects in <paramref name="year"/>.</summary>
    public LocalDate DateIn(int year)
    {
        if (Week == -1)
        {
            var last = new LocalDate(year, Month, 1).PlusMonths(1).PlusDays(-1);
            return last.DayOfWeek == Day ? last : last.Previous(Day);
        }

        var first = new LocalDate(year, Month, 1);
        var firstMatch = first.DayOfWeek == Day ? first : first.Next(Day);
        return firstMatch.PlusWeeks(Week - 1);
    }

    /// <summary>The RRULE value, e.g. <c>FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU</c>.</summary>
    public string ToRRule() => $"FREQ=YEARLY;BYMONTH={Month};BYDAY={Week}{DayCode(Day)}";

    private static string DayCode(IsoDayOfWeek day) => day switch
    {
        IsoDayOfWeek.Monday => "MO",
        IsoDayOfWeek.Tuesday => "TU",
        IsoDayOfWeek.Wednesday => "WE",
        IsoDayOfWeek.Thursday => "TH",
        IsoDayOfWeek.Friday => "FR",
        IsoDayOfWeek.Saturday => "SA",
        _ => "SU",
    };
}
