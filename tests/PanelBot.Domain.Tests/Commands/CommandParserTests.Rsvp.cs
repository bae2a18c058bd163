using NodaTime;
using PanelBot.Domain.Commands;
using PanelBot.Domain.Rsvp;

namespace PanelBot.Domain.Tests.Commands;

public sealed partial class CommandParserTests
{
    [Theory]
    [InlineData("rsvp #4 going", RsvpAnswer.Going)]
    [InlineData("RSVP 4 Maybe", RsvpAnswer.Maybe)]
    [InlineData("rsvp #4 no", RsvpAnswer.No)]
    [InlineData("rsvp #4 not going", RsvpAnswer.No)]
    public void Rsvp_Answers_Parse(string text, RsvpAnswer answer)
    {
        var c = Parse<RsvpCommand>(text);
        Assert.Equal(answer, c.Answer);
        Assert.Null(c.Email);
    }

    [Fact]
    public void Rsvp_WithEmail_KeepsTheAddress()
    {
        Assert.Equal("ann@example.org", Parse<RsvpCommand>("rsvp #4 going email ann@example.org").Email);
        Assert.Contains("does not look like an email", Fails("rsvp #4 going email ann").Message);
        Assert.Contains("not an answer", Fails("rsvp #4 perhaps").Message);
    }

    [Fact]
    public void RsvpFeatureCommands_Parse()
    {
        Assert.IsType<MyEventsCommand>(Parse<MyEventsCommand>("my events"));
        Assert.Equal(EventRef.ForNumber(4), Parse<AttendeesCommand>("attendees #4").Event);
        Assert.Equal(EventRef.ForNumber(4), Parse<ExportCommand>("export #4").Event);
        Assert.Equal(new UserRef("ann", true), Parse<ApproveCommand>("approve #4 @ann").User);
        Assert.Equal(new UserRef("29:ann", false), Parse<DeclineCommand>("decline #4 29:ann").User);
        Assert.Equal("ann@example.org", Parse<EmailCommand>("email ann@example.org").Address);
        Assert.Equal("ann@example.org", Parse<EmailCommand>("email mailto:ann@example.org").Address);
        Assert.False(Parse<ForgetMeCommand>("forget me").Confirmed);
        Assert.True(Parse<ForgetMeCommand>("forget me confirm").Confirmed);
        Assert.Equal(EventRef.ForNumber(4), Parse<ScheduleCommand>("schedule #4").Event);
        Assert.Equal(EventRef.ForNumber(4), Parse<OutboxCommand>("outbox #4").Event);
    }

    [Fact]
    public void Remind_Offsets_AreSortedLargestFirst()
    {
        var c = Parse<RemindCommand>("remind #4 1h,3d, 30m");
        Assert.Equal([Duration.FromDays(3), Duration.FromHours(1), Duration.FromMinutes(30)], c.Offsets);
        Assert.Contains("not a reminder time", Fails("remind #4 3x").Message);
        Assert.Contains("When should I remind", Fails("remind #4").Message);
    }

    [Fact]
    public void Catalog_ListsEveryKeywordWithUsage()
    {
        foreach (var keyword in CommandCatalog.Keywords)
            Assert.NotNull(CommandCatalog.Find(keyword));
        Assert.All(CommandCatalog.All, c => Assert.False(string.IsNullOrWhiteSpace(c.Usage + c.Description)));
        Assert.Equal(CommandCatalog.All.Count, CommandCatalog.All.Select(c => c.Name).Distinct().Count());
    }

    [Fact]
    public void Catalog_UsageOfEachCommand_StartsWithItsName()
    {
        Assert.All(CommandCatalog.All, c => Assert.StartsWith(c.Name, c.Usage));
    }
}
