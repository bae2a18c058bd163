using NodaTime;
using PanelBot.Domain.Commands;
using PanelBot.Domain.Text;
using PanelBot.Domain.Time;

namespace PanelBot.Domain.Tests.Commands;

public sealed class CommandLimitsTests
{
    private static readonly LocalDate Today = new(2026, 11, 30);

    private static ParseError Fails(string text, CommandLimits limits)
    {
        Assert.False(CommandParser.TryParse(text, Today, limits, out _, out var error));
        return error;
    }

    [Fact]
    public void CommandLongerThanTheCap_IsRefusedWithTheNumbers()
    {
        var error = Fails("set #1 title " + new string('x', 200), new CommandLimits { MaxLength = 100, MaxTokenLength = 100 });

        Assert.Contains("213 characters long; a command can be at most 100", error.Message);
    }

    [Fact]
    public void ValueLongerThanTheCap_IsRefused()
    {
        var error = Fails($"set #1 zone \"{new string('z', 500)}\"", new CommandLimits { MaxTokenLength = 400 });

        Assert.Contains("One value is 500 characters long; a value can be at most 400", error.Message);
    }

    [Fact]
    public void ReminderTimes_AtMostTheCap()
    {
        var limits = new CommandLimits { MaxReminderOffsets = 3 };

        Assert.Contains("at most 3", Fails("remind #1 1h,2h,3h,4h", limits).Message);
        Assert.True(CommandParser.TryParse("remind #1 1h,2h,3h", Today, limits, out var command, out _));
        Assert.Equal(3, Assert.IsType<RemindCommand>(command).Offsets.Count);
    }

    [Fact]
    public void ByDefault_TheLongestDescriptionStillFits()
    {
        var description = new string('d', TextRules.MaxDescriptionLength);

        Assert.True(CommandParser.TryParse($"set #1 description \"{description}\"", Today, out _, out _));
    }

    [Fact]
    public void ZoneSuggestion_ForInputLongerThanAnyZoneId_IsNone()
    {
        Assert.Null(ZoneLookup.Suggest(new string('Q', 5_000)));
        Assert.Equal("Europe/Oslo", ZoneLookup.Suggest("Europe/Olso"));
    }

    [Fact]
    public void Closest_SkipsCandidatesWhoseLengthAloneIsTooFar_AndStillFindsTypos()
    {
        Assert.Null(EditDistance.Closest(new string('a', 3_000), ["apple", "banana"], maxDistance: 3));
        Assert.Equal("publish", EditDistance.Closest("pubilsh", ["publish", "show", "cancel"]));
    }
}
