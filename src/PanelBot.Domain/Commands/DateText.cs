using System.Globalization;
using System.Text.RegularExpressions;
using NodaTime;
using PanelBot.Domain.Time;

namespace PanelBot.Domain.Commands;

/// <summary>
/// Reads dates relative to <c>today</c> (the user's date): 2026-09-09, 9 Sep 2026, Sep 9 2026, 9 September, today, tomorrow,
/// Thursday / next Thursday (both the first Thursday after today), and d/m/yyyy only when day and month cannot be confused.
/// A date without a year is the next such date on or after today.
/// </summary>
public static partial class DateText
{
    public const string Examples = "2026-09-09, 9 Sep 2026, tomorrow or Thursday";

    private static readonly string[] MonthNames = CultureInfo.InvariantCulture.DateTimeFormat.MonthNames[..12];

    /// <summary>Parses a date. On failure, <paramref name="error"/> says what to type; <paramref name="recognised"/> is true when
    /// the text looked like a date but was invalid (e.g. 31 Feb), so that error is the one to show.</summary>
    public static bool TryParse(string text, LocalDate today, out LocalDate date, out string error, out bool recognised)
    {
        date = default;
        recognised = false;
        error = $"I could not read the date '{text}'. Write it like {Examples}.";
        var t = text.Trim().ToLowerInvariant().Replace(",", " ");
        t = Spaces().Replace(t, " ").Trim();
        if (t.Length == 0)
        {
            return false;
        }

        switch (t)
        {
            case "today": date = today; return true;
            case "tomorrow": date = today.PlusDays(1); return true;
        }
        var words = t.Split(' ');
        if (words.Length <= 2 && TryWeekday(words[^1], out var weekday) && (words.Length == 1 || words[0] is "next" or "this" or "on"))
        {
            date = today.Next(weekday);
            return true;
        }

        if (IsoDate().Match(t) is { Success: true } iso)
        {
            return Build(int.Parse(iso.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(iso.Groups[2].Value, CultureInfo.InvariantCulture),
                int.Parse(iso.Groups[3].Value, CultureInfo.InvariantCulture), text, out date, out error, out recognised);
        }

        if (SlashDate().Match(t) is { Success: true } slash)
        {
            return Slash(slash, text, out date, out error, out recognised);
        }

        // 9 sep 2026 | 9th september | sep 9 2026 | september 9
        int? day = null, month = null, year = null;
        foreach (var word in words)
        {
            if (TryMonth(word, out var m) && month is null)
            {
                month = m;
            }
            else if (DayWord().Match(word) is { Success: true } d && day is null)
            {
                day = int.Parse(d.Groups[1].Value, CultureInfo.InvariantCulture);
            }
            else if (YearWord().IsMatch(word) && year is null)
            {
                year = int.Parse(word, CultureInfo.InvariantCulture);
            }
            else
            {
                return false;
            }
        }
        if (day is null || month is null)
        {
            return false;
        }

        if (year is null)
        {
            var candidate = Build(today.Year, month.Value, day.Value, text, out date, out error, out recognised);
            if (!candidate && month == 2 && day == 29)
            {
                return Build(today.Year + 1, month.Value, day.Value, text, out date, out error, out recognised) || NextLeap(today, out date, ref error);
            }

            if (candidate && date < today)
            {
                return Build(today.Year + 1, month.Value, day.Value, text, out date, out error, out recognised);
            }

            return candidate;
        }
        return Build(year.Value, month.Value, day.Value, text, out date, out error, out recognised);
    }

    private static bool NextLeap(LocalDate today, out LocalDate date, ref string error)
    {
        for (var y = today.Year; y < today.Year + 8; y++)
        {
            if (!DateTime.IsLeapYear(y))
            {
                continue;
            }

            date = new LocalDate(y, 2, 29);
            if (date >= today)
            {
                return true;
            }
        }
        date = default;
        return false;
    }

    private static bool Slash(Match m, string text, out LocalDate date, out string error, out bool recognised)
    {
        var a = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var b = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        var y = int.Parse(m.Groups[3].Value, CultureInfo.InvariantCulture);
        if (y < 100)
        {
            y += 2000;
        }

        recognised = true;
        date = default;
        int day, month;
        if (a == b || a > 12)
        {
            (day, month) = (a, b);
        }
        else if (b > 12)
        {
            (day, month) = (b, a);
        }
        else
        {
            var asDayMonth = SafeName(a, b, y);
            var asMonthDay = SafeName(b, a, y);
            error = $"'{text}' could be {asDayMonth} or {asMonthDay}. Write the month as a word (e.g. 9 Sep {y}) or use {y:D4}-MM-DD.";
            return false;
        }
        return Build(y, month, day, text, out date, out error, out recognised);
    }

    private static string SafeName(int day, int month, int year) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? TimeFormats.Date(new LocalDate(year, month, day)) : "?";

    private static bool Build(int year, int month, int day, string text, out LocalDate date, out string error, out bool recognised)
    {
        date = default;
        recognised = true;
        error = "";
        if (year is < 1900 or > 2200)
        {
            error = $"{year} is not a year I can schedule in. Write the date like {Examples}.";
            return false;
        }
        if (month is < 1 or > 12)
        {
            error = $"'{text}' is not a date: there is no month {month}. Write it like {Examples}.";
            return false;
        }
        var days = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > days)
        {
            error = $"'{text.Trim()}' is not a date: {MonthNames[month - 1]} {year} has {days} days. Which day did you mean?";
            return false;
        }
        date = new LocalDate(year, month, day);
        return true;
    }

    public static bool TryWeekday(string word, out IsoDayOfWeek day)
    {
        day = word.ToLowerInvariant() switch
        {
            "monday" or "mon" => IsoDayOfWeek.Monday,
            "tuesday" or "tue" or "tues" => IsoDayOfWeek.Tuesday,
            "wednesday" or "wed" => IsoDayOfWeek.Wednesday,
            "thursday" or "thu" or "thur" or "thurs" => IsoDayOfWeek.Thursday,
            "friday" or "fri" => IsoDayOfWeek.Friday,
            "saturday" or "sat" => IsoDayOfWeek.Saturday,
            "sunday" or "sun" => IsoDayOfWeek.Sunday,
            _ => IsoDayOfWeek.None,
        };
        return day != IsoDayOfWeek.None;
    }

    public static bool TryMonth(string word, out int month)
    {
        month = 0;
        var w = word.TrimEnd('.').ToLowerInvariant();
        if (w.Length < 3)
        {
            return false;
        }

        for (var i = 0; i < 12; i++)
        {
            var name = MonthNames[i].ToLowerInvariant();
            if (name == w || name[..3] == w || (w == "sept" && i == 8))
            {
                month = i + 1;
                return true;
            }
        }
        return false;
    }

    [GeneratedRegex(@"\s+")] private static partial Regex Spaces();
    [GeneratedRegex(@"^(\d{4})-(\d{1,2})-(\d{1,2})$")] private static partial Regex IsoDate();
    [GeneratedRegex(@"^(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})$")] private static partial Regex SlashDate();
    [GeneratedRegex(@"^(\d{1,2})(st|nd|rd|th)?$")] private static partial Regex DayWord();
    [GeneratedRegex(@"^\d{4}$")] private static partial Regex YearWord();
}
