using NodaTime;
using PanelBot.Domain.Commands;
using PanelBot.Domain.Events;
using PanelBot.Domain.Programme;

namespace PanelBot.Domain.Tests.Commands;

public sealed partial class CommandParserTests
{
    // Parsing is a pure function of the "today" it is given, so these tests give it a fixed one: a Sunday.
    private static readonly LocalDate Today = new(2026, 3, 1);

    private static T Parse<T>(string text) where T : Command
    {
        Assert.True(CommandParser.TryParse(text, Today, out var command, out var error), error?.Message);
        return Assert.IsType<T>(command);
    }

    private static ParseError Fails(string text)
    {
        Assert.False(CommandParser.TryParse(text, Today, out var command, out var error), $"parsed as {command}");
        return error;
    }

    [Fact]
    public void New_CoreGrammar_ParsesAllParts()
    {
        var c = Parse<NewEventCommand>("new webinar \"The relationship between peace operations and humanitarian assistance\" 2020-09-09 15:00-16:30 Europe/Oslo");
        Assert.Equal(EventKind.Webinar, c.Kind);
        Assert.Equal("The relationship between peace operations and humanitarian assistance", c.Title);
        Assert.Equal(new LocalDate(2020, 9, 9), c.Date);
        Assert.Equal(new LocalTime(15, 0), c.Start);
        Assert.Equal(new LocalTime(16, 30), c.End);
        Assert.Equal("Europe/Oslo", c.ZoneId);
    }

    [Fact]
    public void New_WithoutZone_LeavesZoneToTheApp()
    {
        var c = Parse<NewEventCommand>("NEW Panel \"Peacekeeping\" 2026-04-02 14:00-15:30");
        Assert.Equal(EventKind.Panel, c.Kind);
        Assert.Null(c.ZoneId);
    }

    [Theory]
    [InlineData("new webinar \"T\" 9 Sep 2026 15:00-16:30", 2026, 9, 9, 15, 0, 16, 30)]       // day month year
    [InlineData("new webinar \"T\" Sep 9 2026 15:00–16:30", 2026, 9, 9, 15, 0, 16, 30)]        // month first, en dash
    [InlineData("new webinar \"T\" Sep 9, 2026 3pm to 4:30pm", 2026, 9, 9, 15, 0, 16, 30)]    // comma, am/pm range with "to"
    [InlineData("new webinar \"T\" tomorrow 3-4:30pm", 2026, 3, 2, 15, 0, 16, 30)]            // start borrows pm
    [InlineData("new webinar \"T\" next Thursday 15:00 - 16:30", 2026, 3, 5, 15, 0, 16, 30)]  // spaced dash
    [InlineData("new webinar \"T\" thursday 11-1pm", 2026, 3, 5, 11, 0, 13, 0)]               // 11 is morning here
    [InlineData("new webinar \"T\" 9/9/2026 15:00-16:30", 2026, 9, 9, 15, 0, 16, 30)]         // d == m is unambiguous
    [InlineData("new webinar \"T\" 25/9/2026 15:00-16:30", 2026, 9, 25, 15, 0, 16, 30)]       // day > 12
    public void New_FriendlyDatesAndTimes_AreRead(string text, int y, int mo, int d, int sh, int sm, int eh, int em)
    {
        var c = Parse<NewEventCommand>(text);
        Assert.Equal(new LocalDate(y, mo, d), c.Date);
        Assert.Equal(new LocalTime(sh, sm), c.Start);
        Assert.Equal(new LocalTime(eh, em), c.End);
    }

    [Fact]
    public void New_ZoneAfterFriendlyTimes_IsTheZone()
    {
        var c = Parse<NewEventCommand>("new panel \"T\" 2 Apr 2026 3pm to 4pm Europe/Amsterdam");
        Assert.Equal("Europe/Amsterdam", c.ZoneId);
        Assert.Equal(new LocalTime(16, 0), c.End);
    }

    [Fact]
    public void New_AmbiguousSlashDate_IsRefusedWithBothReadings()
    {
        var error = Fails("new webinar \"T\" 9/10/2026 15:00-16:30");
        Assert.Contains("9 Oct 2026", error.Message);
        Assert.Contains("10 Sep 2026", error.Message);
    }

    [Fact]
    public void New_ThirtyFirstOfFebruary_IsRefused()
    {
        Assert.Contains("February 2026 has 28 days", Fails("new webinar \"T\" 2026-02-31 15:00-16:30").Message);
        Assert.Contains("February 2026 has 28 days", Fails("new webinar \"T\" 31 Feb 2026 15:00-16:30").Message);
    }

    [Fact]
    public void New_UnquotedTitle_AsksForQuotes()
    {
        Assert.Contains("double quotes", Fails("new webinar Peace 2026-09-09 15:00-16:30").Message);
    }

    [Fact]
    public void New_MissingTimes_AsksWhenItStartsAndEnds()
    {
        Assert.Contains("start and end", Fails("new webinar \"T\" 2026-09-09").Message);
    }

    [Fact]
    public void New_BadTime_SaysHowToWriteIt()
    {
        Assert.Contains("15:00-16:30", Fails("new webinar \"T\" 2026-09-09 25:00-26:00").Message + Fails("new webinar \"T\" 2026-09-09 soon").Message);
    }

    [Fact]
    public void New_UnknownKind_SaysWebinarOrPanel()
    {
        Assert.Contains("new webinar or new panel", Fails("new party \"T\" 2026-09-09 15:00-16:30").Message);
    }

    [Theory]
    [InlineData("set #3 title \"A \\\"new\\\" title\"", EventField.Title, "A \"new\" title")]
    [InlineData("set 3 summary Three case studies on peace operations", EventField.Summary, "Three case studies on peace operations")]
    [InlineData("set #3 venue Pakhuis de Zwijger; Piet Heinkade 179; Amsterdam", EventField.Venue, "Pakhuis de Zwijger; Piet Heinkade 179; Amsterdam")]
    [InlineData("set #3 link https://zoom.us/j/123", EventField.Link, "https://zoom.us/j/123")]
    [InlineData("set #3 capacity 50", EventField.Capacity, "50")]
    [InlineData("SET #3 Deadline 2026-04-10 12:00", EventField.Deadline, "2026-04-10 12:00")]
    [InlineData("set #3 partof \"Myths and Realities of (Dutch) Peacekeeping\"", EventField.PartOf, "Myths and Realities of (Dutch) Peacekeeping")]
    [InlineData("set #3 approval yes", EventField.Approval, "yes")]
    [InlineData("set #3 release 5", EventField.Release, "5")]
    [InlineData("set #3 recorded no", EventField.Recorded, "no")]
    [InlineData("set #3 zone Europe/Oslo", EventField.Zone, "Europe/Oslo")]
    [InlineData("set #3 date tomorrow", EventField.Date, "tomorrow")]
    [InlineData("set #3 start 15:00", EventField.Start, "15:00")]
    [InlineData("set #3 end 16:30", EventField.End, "16:30")]
    [InlineData("set #3 platform Zoom", EventField.Platform, "Zoom")]
    [InlineData("set #3 hosts NCHS, EPON", EventField.Hosts, "NCHS, EPON")]
    [InlineData("set #3 contact Jenny Nordvedt jenny@example.org", EventField.Contact, "Jenny Nordvedt jenny@example.org")]
    [InlineData("set #3 tags MINUSCA, MONUSCO", EventField.Tags, "MINUSCA, MONUSCO")]
    [InlineData("set #3 description Line one", EventField.Description, "Line one")]
    public void Set_FieldAndRestOfLine_AreKept(string text, EventField field, string value)
    {
        var c = Parse<SetCommand>(text);
        Assert.Equal(EventRef.ForNumber(3), c.Event);
        Assert.Equal(field, c.Field);
        Assert.Equal(value, c.Value);
    }

    [Fact]
    public void Set_UnknownField_SuggestsTheNearest()
    {
        var error = Fails("set #3 capcity 50");
        Assert.Contains("Did you mean 'capacity'?", error.Message);
    }

    [Fact]
    public void Set_MissingValue_AsksForIt()
    {
        Assert.Contains("What should the title be?", Fails("set #3 title").Message);
    }

    [Fact]
    public void Set_MissingEvent_AsksWhichEvent()
    {
        Assert.Contains("Which event?", Fails("set").Message);
        Assert.Contains("not an event reference", Fails("set \"#x y\" title x").Message);
    }

    [Fact]
    public void EventRef_SlugWord_IsASlug()
    {
        var c = Parse<ShowCommand>("show peacekeeping-missions-meet");
        Assert.Equal(EventRef.ForSlug("peacekeeping-missions-meet"), c.Event);
    }

    [Fact]
    public void Speaker_AddWithAllOptions_BuildsTheSpeaker()
    {
        var c = Parse<AddSpeakerCommand>("speaker #1 add \"Carlo Koos\" case-study affiliation \"CMI\" title \"Senior Researcher\" topic \"on the DRC\" email carlo@example.org confirmed");
        Assert.Equal("Carlo Koos", c.Speaker.Name);
        Assert.Equal(SpeakerRole.Presenter, c.Speaker.Role);
        Assert.Equal("CMI", c.Speaker.Affiliation);
        Assert.Equal("Senior Researcher", c.Speaker.JobTitle);
        Assert.Equal("on the DRC", c.Speaker.Topic);
        Assert.Equal("carlo@example.org", c.Speaker.Email);
        Assert.Equal(SpeakerStatus.Confirmed, c.Speaker.Status);
    }

    [Theory]
    [InlineData("moderator", SpeakerRole.Moderator)]
    [InlineData("Chair", SpeakerRole.Chair)]
    [InlineData("presenter", SpeakerRole.Presenter)]
    [InlineData("discussant", SpeakerRole.Discussant)]
    [InlineData("panellist", SpeakerRole.Panellist)]
    [InlineData("panelist", SpeakerRole.Panellist)]
    [InlineData("keynote", SpeakerRole.Keynote)]
    public void Speaker_RoleWords_IncludingAliases_AreRead(string word, SpeakerRole role)
    {
        var c = Parse<AddSpeakerCommand>($"speaker #1 add \"Kari Osland\" {word} tbc");
        Assert.Equal(role, c.Speaker.Role);
        Assert.Equal(SpeakerStatus.Tbc, c.Speaker.Status);
    }

    [Fact]
    public void Speaker_UnknownRole_ListsTheRoles()
    {
        var error = Fails("speaker #1 add \"Kari Osland\" speakr");
        Assert.Contains("'speakr' is not a role", error.Message);
        Assert.Contains("discussant", error.Message);
    }

    [Fact]
    public void Speaker_UnquotedNameWithSpaces_AsksForQuotes()
    {
        Assert.Contains("double quotes", Fails("speaker #1 add Carlo Koos presenter").Message);
    }

    [Fact]
    public void Speaker_RemoveAndStatus_Parse()
    {
        Assert.Equal("Carlo Koos", Parse<RemoveSpeakerCommand>("speaker #1 remove \"Carlo Koos\"").Name);
        var status = Parse<SpeakerStatusCommand>("speaker #1 \"Carlo Koos\" declined");
        Assert.Equal(SpeakerStatus.Declined, status.Status);
    }

    [Fact]
    public void Segment_AddWithLead_Parses()
    {
        var c = Parse<AddSegmentCommand>("segment #1 add \"Case studies\" 45 lead \"Cedric de Coning\"");
        Assert.Equal(new Segment { Title = "Case studies", Minutes = 45, Lead = "Cedric de Coning" }, c.Segment);
        Assert.Equal(15, Parse<AddSegmentCommand>("segment #1 add \"Close\" 15min").Segment.Minutes);
        Assert.Equal(2, Parse<RemoveSegmentCommand>("segment #1 remove 2").Position);
    }

    [Fact]
    public void Segment_MinutesNotANumber_IsRefused()
    {
        Assert.Contains("not a number of minutes", Fails("segment #1 add \"Close\" soon").Message);
    }

    [Fact]
    public void Reading_AddWithOptions_Parses()
    {
        var c = Parse<AddReadingCommand>("reading #1 add \"EPON report on MINUSMA\" https://effectivepeaceops.net/publication/minusma/ by \"EPON\" kind policy-brief after");
        Assert.Equal("EPON report on MINUSMA", c.Reading.Title);
        Assert.Equal("https://effectivepeaceops.net/publication/minusma/", c.Reading.Url);
        Assert.Equal("EPON", c.Reading.Author);
        Assert.Equal(ReadingKind.PolicyBrief, c.Reading.Kind);
        Assert.Equal(ReadingTiming.After, c.Reading.Timing);
    }

    [Fact]
    public void Reading_UnknownKind_ListsKinds()
    {
        Assert.Contains("summary-report", Fails("reading #1 add \"R\" https://x.org kind podcast").Message);
    }

    [Theory]
    [InlineData("organiser #2 add @jenny", "jenny", true, false)]
    [InlineData("organizer #2 add <at>Jenny Nordvedt</at>", "Jenny Nordvedt", true, false)]
    [InlineData("organiser #2 add 29:1abcDEF", "29:1abcDEF", false, false)]
    [InlineData("organiser #2 remove @jenny", "jenny", true, true)]
    public void Organiser_UserForms_Parse(string text, string user, bool mention, bool remove)
    {
        var c = Parse<OrganiserCommand>(text);
        Assert.Equal(new UserRef(user, mention), c.User);
        Assert.Equal(remove, c.Remove);
    }

    [Fact]
    public void SimpleCommands_Parse()
    {
        Assert.Equal(EventRef.ForNumber(12), Parse<ShowCommand>("show #12").Event);
        Assert.IsType<ListEventsCommand>(Parse<ListEventsCommand>("Events"));
        Assert.Equal(EventRef.ForNumber(12), Parse<PublishCommand>("publish 12").Event);
        Assert.Null(Parse<CancelCommand>("cancel #12").Reason);
        Assert.Equal("The speakers are ill", Parse<CancelCommand>("cancel #12 The speakers are ill").Reason);
        Assert.Null(Parse<HelpCommand>("help").Topic);
        Assert.Equal("speaker", Parse<HelpCommand>("help speaker").Topic);
        Assert.IsType<DemoCommand>(Parse<DemoCommand>("demo"));
    }

    [Fact]
    public void Publish_ExtraWords_AreRefusedWithUsage()
    {
        Assert.Contains("Usage: publish #N", Fails("publish #12 now").Message);
    }

    [Fact]
    public void UnknownCommand_SuggestsNearest()
    {
        var error = Fails("pubish #3");
        Assert.Equal("I don't know 'pubish'. Did you mean 'publish'? Type help for the list.", error.Message);
        Assert.Equal("publish", error.Suggestion);
    }

    [Fact]
    public void UnknownCommand_FarFromAll_PointsToHelp()
    {
        Assert.Equal("I don't know 'xyzzyplugh'. Type help for the list of commands.", Fails("xyzzyplugh").Message);
    }

    [Fact]
    public void EmptyLineAndUnterminatedQuote_AreErrors()
    {
        Assert.Contains("help", Fails("   ").Message);
        Assert.Contains("not closed", Fails("speaker #1 add \"Carlo Koos presenter").Message);
    }
}
