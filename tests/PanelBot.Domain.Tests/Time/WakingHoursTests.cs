using NodaTime;
using PanelBot.Domain.Time;

namespace PanelBot.Domain.Tests.Time;

public sealed class WakingHoursTests
{
    [Theory]
    [InlineData("08:00-21:00", 8, 0, 21, 0)]
    [InlineData("8am-9pm", 8, 0, 21, 0)]
    [InlineData("07:30 to 22:15", 7, 30, 22, 15)]
    public void TryParse_ReadsRanges(string text, int h1, int m1, int h2, int m2)
    {
        Assert.True(WakingHours.TryParse(text, out var hours, out var error), error);
        Assert.Equal(new WakingHours(new LocalTime(h1, m1), new LocalTime(h2, m2)), hours);
    }

    [Theory]
    [InlineData("21:00-08:00", "must end after they start")]
    [InlineData("08:00", "start and end")]
    [InlineData("", "start and end")]
    [InlineData("08:00-25:00", "hours go from 00 to 23")]
    public void TryParse_RefusesWhatIsNotASameDayRange(string text, string message)
    {
        Assert.False(WakingHours.TryParse(text, out _, out var error));
        Assert.Contains(message, error);
    }

    [Theory]
    [InlineData(9, 0, 10, 30, 60)]     // 60 min after 08:00, 630 before 21:00
    [InlineData(8, 0, 21, 0, 0)]       // exactly the window
    [InlineData(22, 0, 23, 30, -150)]  // must move 2 h 30 earlier
    [InlineData(7, 15, 8, 45, -45)]    // must move 45 min later
    [InlineData(23, 30, 25, 0, -240)]  // to 01:00 the next day: 4 h too late
    [InlineData(2, 0, 3, 30, -360)]    // 6 h before the day starts
    public void MarginMinutes_IsTheGapToTheNearerEdge(int h1, int m1, int h2, int m2, int expected)
    {
        var day = new LocalDate(2027, 4, 14);
        var start = day.At(new LocalTime(h1, m1));
        var end = day.At(LocalTime.Midnight).PlusHours(h2).PlusMinutes(m2);
        Assert.Equal(expected, WakingHours.Default.MarginMinutes(start, end));
    }
}
