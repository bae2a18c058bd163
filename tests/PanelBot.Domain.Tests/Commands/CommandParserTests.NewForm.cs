using PanelBot.Domain.Commands;
using PanelBot.Domain.Events;

namespace PanelBot.Domain.Tests.Commands;

public sealed partial class CommandParserTests
{
    [Theory]
    [InlineData("new", null)]
    [InlineData("NEW", null)]
    [InlineData("create", null)]
    [InlineData("new webinar", EventKind.Webinar)]
    [InlineData("new Panel", EventKind.Panel)]
    public void New_WithoutTitleAndTime_AsksForTheForm(string text, EventKind? kind)
    {
        Assert.Equal(kind, Parse<NewEventFormCommand>(text).Kind);
    }

    [Fact]
    public void New_WithAnUnknownKindOrATitleButNoTime_IsStillAnError()
    {
        Assert.Contains("not a kind of event", Fails("new seminar").Message);
        Assert.Contains("When is it?", Fails("new panel \"Aid\"").Message);
    }
}
