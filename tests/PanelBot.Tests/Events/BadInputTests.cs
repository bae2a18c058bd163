using PanelBot.Tests.Support;

namespace PanelBot.Tests.Events;

/// <summary>One app with one event for all cases; each case checks its own clear message and that nothing was saved.</summary>
public sealed class BadInputFixture : IAsyncLifetime
{
    public const string Olga = "olga";

    public BotApp App { get; } = new();
    public BotClient Bot { get; private set; } = null!;
    public int Number { get; private set; }

    public async Task InitializeAsync()
    {
        Bot = App.Bot();
        Number = await Organiser.CreateWebinarAsync(Bot, Olga, capacity: 50, publish: false);
        await Organiser.DoAsync(Bot, Olga, $"speaker #{Number} add \"Carlo Koos\" presenter affiliation CMI");
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>Bad input gets a clear message and nothing half-saved.</summary>
public sealed class BadInputTests(BadInputFixture fixture) : IClassFixture<BadInputFixture>
{
    private static readonly string LongTitle = new('A', 10_000);
    private static readonly string Day = Webinar.DateText;

    // The calendar facts these cases need, found after the tests' "now" rather than named.
    private static readonly int ShortFebruary = TestDates.NextYearWithFebruaryOf(28);
    private static readonly ClockChange Gap = TestDates.NextGap();
    private static readonly string GapTime = TestDates.Time(Gap.Inside);
    private static readonly string GapDay = TestDates.Day(Gap.Date);

    public static TheoryData<string, string> BadNewEvents => new()
    {
        { $"new webinar \"Backwards\" {Day} 16:30-15:00 Europe/Oslo", "The end (15:00) is before the start (16:30)" },
        { $"new webinar \"Typo zone\" {Day} 15:00-16:30 Europe/Olso", "Did you mean Europe/Oslo?" },
        { $"new webinar \"No such day\" {ShortFebruary}-02-31 15:00-16:30 Europe/Oslo", $"February {ShortFebruary} has 28 days" },
        { $"new webinar \"Skipped hour\" {TestDates.Iso(Gap.Date)} {GapTime}-{TestDates.Time(Gap.Inside.PlusHours(1))} Europe/Oslo", $"{GapTime} does not exist on {GapDay} in Europe/Oslo" },
        { $"new webinar \"{LongTitle}\" {Day} 15:00-16:30 Europe/Oslo", "10,000 characters long; the limit is 200" },
        { $"new webinar \"Two\r\nlines\" {Day} 15:00-16:30 Europe/Oslo", "single line without line breaks or control characters" },
        { $"new webinar \"Bell\u0007 and NUL\u0000\" {Day} 15:00-16:30 Europe/Oslo", "single line without line breaks or control characters" },
        { $"new webinar \"Long ago\" {TestDates.Iso(TestDates.Today().PlusYears(-6))} 15:00-16:30 Europe/Oslo", "in the past" },
    };

    [Theory]
    [MemberData(nameof(BadNewEvents))]
    public async Task New_WithBadInput_ExplainsAndCreatesNothing(string command, string expected)
    {
        var before = await Organiser.EventCountAsync(fixture.App);

        var text = CardJson.TextOf(await fixture.Bot.SayAsync(BadInputFixture.Olga, command));

        Assert.Contains(expected, text);
        Assert.DoesNotContain("Created #", text);
        Assert.Equal(before, await Organiser.EventCountAsync(fixture.App));
    }

    public static TheoryData<string, string> BadEdits => new()
    {
        { "set #N end 14:00", "The end (14:00) is before the start (15:00)" },
        { "set #N zone Europe/Olso", "Did you mean Europe/Oslo?" },
        { $"set #N date {ShortFebruary}-02-31", $"February {ShortFebruary} has 28 days" },
        { "set #N capacity -5", "The capacity cannot be negative (-5)" },
        { "speaker #N add \"Someone\" juggler", "'juggler' is not a role" },
        { "reading #N add \"Old files\" ftp://example.org/report.pdf", "must start with http:// or https://" },
        { "reading #N add \"Click me\" javascript:alert(1)", "must start with http:// or https://" },
        { $"set #N title \"{LongTitle}\"", "10,000 characters long; the limit is 200" },
        { "set #N title \"Two\nlines\"", "single line without line breaks or control characters" },
        { "set #N title \"Tab\there\"", "single line without line breaks or control characters" },
        { "set #N link javascript:alert(1)", "must start with http:// or https://" },
        { "segment #N add \"Opening\" -10", "-10 is not possible" },
    };

    [Theory]
    [MemberData(nameof(BadEdits))]
    public async Task Edit_WithBadInput_ExplainsAndLeavesTheEventUnchanged(string template, string expected)
    {
        var command = template.Replace("#N", "#" + fixture.Number);
        var before = await Organiser.SnapshotAsync(fixture.App, fixture.Number);

        var text = CardJson.TextOf(await fixture.Bot.SayAsync(BadInputFixture.Olga, command));

        Assert.Contains(expected, text);
        Assert.DoesNotContain("something went wrong", text);
        Assert.Equal(before, await Organiser.SnapshotAsync(fixture.App, fixture.Number));
    }

    [Fact]
    public async Task DstSkippedTime_OnAnExistingEvent_IsRefusedWithTheClockChange()
    {
        var text = CardJson.TextOf(await fixture.Bot.SayAsync(BadInputFixture.Olga, $"set #{fixture.Number} date {TestDates.Iso(Gap.Date)}"));
        text += CardJson.TextOf(await fixture.Bot.SayAsync(BadInputFixture.Olga, $"set #{fixture.Number} start {GapTime}"));

        // The date alone is fine (15:00 exists); the start inside the gap is then refused.
        Assert.Contains($"clocks go forward from {TestDates.Time(Gap.From)} to {TestDates.Time(Gap.To)}", text);
        var ev = await Organiser.EventAsync(fixture.App, fixture.Number);
        Assert.Equal("15:00:00", ev.StartTime.ToString("HH:mm:ss", null));
        Assert.Equal(Gap.Date, ev.Date);
        await Organiser.DoAsync(fixture.Bot, BadInputFixture.Olga, $"set #{fixture.Number} date {Day}");
    }

    [Fact]
    public async Task UnknownCommand_SuggestsTheNearestOne()
    {
        var text = CardJson.TextOf(await fixture.Bot.SayAsync(BadInputFixture.Olga, $"shwo #{fixture.Number}"));

        Assert.Contains("Did you mean 'show'?", text);
    }
}
