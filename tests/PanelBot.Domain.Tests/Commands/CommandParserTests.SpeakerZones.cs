using PanelBot.Domain.Commands;

namespace PanelBot.Domain.Tests.Commands;

public sealed partial class CommandParserTests
{
    [Fact]
    public void SpeakerAdd_WithZone_KeepsTheZoneTextForTheEventToLookUp()
    {
        var c = Parse<AddSpeakerCommand>("speaker #1 add \"Aiko Tanaka\" presenter zone Asia/Tokyo confirmed");
        Assert.Equal("Asia/Tokyo", c.Speaker.TimeZoneId);
        Assert.Equal(PanelBot.Domain.Programme.SpeakerStatus.Confirmed, c.Speaker.Status);
        Assert.Equal("tokio", Parse<AddSpeakerCommand>("speaker #1 add \"Aiko Tanaka\" presenter TZ tokio").Speaker.TimeZoneId);
        Assert.Null(Parse<AddSpeakerCommand>("speaker #1 add \"Aiko Tanaka\" presenter").Speaker.TimeZoneId);
    }

    [Fact]
    public void SpeakerAdd_ZoneWithoutValue_AsksForIt()
    {
        Assert.Contains("IANA zone", Fails("speaker #1 add \"Aiko Tanaka\" presenter zone").Message);
    }

    [Fact]
    public void SpeakerZone_SetsOrClearsTheZoneOfANamedSpeaker()
    {
        var set = Parse<SpeakerZoneCommand>("speaker #3 \"Lise Howard\" zone America/New_York");
        Assert.Equal(("Lise Howard", "America/New_York"), (set.Name, set.ZoneId));
        Assert.Equal(3, set.Event.Number);
        Assert.Null(Parse<SpeakerZoneCommand>("speaker #3 \"Lise Howard\" timezone none").ZoneId);
        Assert.Contains("zone ZONE", Fails("speaker #3 \"Lise Howard\" zone Europe/Oslo extra").Message);
        Assert.Contains("zone ZONE", Fails("speaker #3 \"Lise Howard\" where").Message);
    }

    [Fact]
    public void Times_TakesOneEvent()
    {
        Assert.Equal(7, Parse<TimesCommand>("times #7").Event.Number);
        Assert.Contains("times #N", Fails("times").Message);
        Assert.NotNull(CommandCatalog.Find("times"));
    }
}
