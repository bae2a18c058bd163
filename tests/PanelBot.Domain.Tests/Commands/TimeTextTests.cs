using NodaTime;
using PanelBot.Domain.Commands;

namespace PanelBot.Domain.Tests.Commands;

public sealed class TimeTextTests
{
    [Theory]
    [InlineData("15:00", 15, 0)]
    [InlineData("9:05", 9, 5)]
    [InlineData("3pm", 15, 0)]
    [InlineData("3:30pm", 15, 30)]
    [InlineData("3:30 PM", 15, 30)]
    [InlineData("12am", 0, 0)]
    [InlineData("12pm", 12, 0)]
    [InlineData("noon", 12, 0)]
    public void TryParse_Forms_AreRead(string text, int h, int m)
    {
        Assert.True(TimeText.TryParse(text, out var time, out var error), error);
        Assert.Equal(new LocalTime(h, m), time);
    }

    [Theory]
    [InlineData("24:00")]
    [InlineData("15:60")]
    [InlineData("13pm")]
    [InlineData("15")]
    public void TryParse_Invalid_IsRefused(string text) => Assert.False(TimeText.TryParse(text, out _, out _));

    [Fact]
    public void TryParseRange_EmDashAndUntil_AreSeparators()
    {
        Assert.True(TimeText.TryParseRange("15:00—16:30", out var s, out var e, out _));
        Assert.Equal((new LocalTime(15, 0), new LocalTime(16, 30)), (s, e));
        Assert.True(TimeText.TryParseRange("10am until noon", out s, out e, out _));
        Assert.Equal((new LocalTime(10, 0), new LocalTime(12, 0)), (s, e));
    }
}
