using NodaTime;
using PanelBot.Domain.Commands;

namespace PanelBot.Domain.Tests.Commands;

public sealed class DateTextTests
{
    // Parsing is a pure function of the "today" it is given, so these tests give it a fixed one: a Sunday.
    private static readonly LocalDate Today = new(2026, 3, 1);

    [Theory]
    [InlineData("today", 2026, 3, 1)]
    [InlineData("tomorrow", 2026, 3, 2)]
    [InlineData("Thursday", 2026, 3, 5)]
    [InlineData("next thursday", 2026, 3, 5)]
    [InlineData("sunday", 2026, 3, 8)]          // today is Sunday: the next one
    [InlineData("9 Sep", 2026, 9, 9)]           // no year: next occurrence
    [InlineData("15 Jan", 2027, 1, 15)]         // already past this year
    [InlineData("9th September 2026", 2026, 9, 9)]
    [InlineData("2026-9-9", 2026, 9, 9)]
    [InlineData("29 Feb 2028", 2028, 2, 29)]
    public void TryParse_FriendlyForms_RelativeToToday(string text, int y, int m, int d)
    {
        Assert.True(DateText.TryParse(text, Today, out var date, out var error, out _), error);
        Assert.Equal(new LocalDate(y, m, d), date);
    }

    [Theory]
    [InlineData("2026-02-31", "February 2026 has 28 days")]
    [InlineData("29 Feb 2026", "February 2026 has 28 days")]
    [InlineData("2026-13-01", "no month 13")]
    [InlineData("3/4/2026", "3 Apr 2026")]
    public void TryParse_InvalidOrAmbiguous_IsRecognisedWithAMessage(string text, string expected)
    {
        Assert.False(DateText.TryParse(text, Today, out _, out var error, out var recognised));
        Assert.True(recognised);
        Assert.Contains(expected, error);
    }

    [Fact]
    public void TryParse_Nonsense_SaysHowToWriteADate()
    {
        Assert.False(DateText.TryParse("someday", Today, out _, out var error, out var recognised));
        Assert.False(recognised);
        Assert.Contains("2026-09-09", error);
    }
}
