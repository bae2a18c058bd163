using NodaTime;
using NodaTime.Extensions;
using PanelBot.Domain.Events;
using PanelBot.Domain.Programme;

namespace PanelBot.Domain.Demo;

/// <summary>
/// The two real events of the product description, moved into the coming weeks relative to the clock while keeping their
/// local times: the webinar on a Wednesday 15:00–16:30 Europe/Oslo (9 Sep 2020 was a Wednesday) and the panel eight days
/// later, a Thursday 14:00–15:30 Europe/Amsterdam. Both are published.
/// </summary>
public static class DemoEvents
{
    public const string WebinarZone = "Europe/Oslo";
    public const string PanelZone = "Europe/Amsterdam";

    // Where the webinar's speakers are (the seed event: a moderator in Pretoria, presenters in Oslo and Washington,
    // discussants in Oslo), so the organiser sees everyone's local time.
    private const string Pretoria = "Africa/Johannesburg";
    private const string Oslo = "Europe/Oslo";
    private const string Washington = "America/New_York";

    /// <summary>Builds both events, numbered <paramref name="firstNumber"/> and the next number.</summary>
    public static IReadOnlyList<Event> Create(TimeProvider clock, string creatorId, int firstNumber = 1) =>
        [Webinar(clock, creatorId, firstNumber), Panel(clock, creatorId, firstNumber + 1)];

    /// <summary>The first Wednesday at least two weeks after today in Oslo.</summary>
    public static LocalDate WebinarDate(TimeProvider clock)
    {
        var today = clock.GetCurrentInstant().InZone(DateTimeZoneProviders.Tzdb[WebinarZone]).Date;
        return today.PlusDays(13).Next(IsoDayOfWeek.Wednesday);
    }

    public static Event Webinar(TimeProvider clock, string creatorId, int number)
    {
        var date = WebinarDate(clock);
        var details = new EventDetails
        {
            Kind = EventKind.Webinar,
            Title = "The relationship between peace operations and humanitarian assistance: enabling or harmful?",
            Summary = "Three case studies (DRC, CAR, Mali) on how UN peace operations and humanitarian assistance help or hinder each other.",
            Description =
                "Do peace operations enable humanitarian assistance, or do they put it at risk?\n\n" +
                "Researchers from the **Effectiveness of Peace Operations Network (EPON)** present case studies on " +
                "MONUSCO in the DRC, MINUSCA in the Central African Republic and MINUSMA in Mali, followed by comments " +
                "from two discussants and a facilitated discussion with Q&A.\n\n" +
                "The Zoom address is shared with registered participants a few days before the webinar.",
            Tags = ["MINUSCA", "MONUSCO", "MINUSMA", "UN", "Humanitarian action"],
            Date = date,
            StartTime = new LocalTime(15, 0),
            EndTime = new LocalTime(16, 30),
            TimeZoneId = WebinarZone,
            OnlineMeeting = new OnlineMeeting("Zoom", "https://zoom.us/j/61234567890", Passcode: "EPON2020"),
            JoinLinkReleaseDays = 3,
            Recorded = true,
            Hosts = ["Norwegian Centre for Humanitarian Studies", "Effectiveness of Peace Operations Network (EPON)"],
            Contact = new ContactPerson("Jenny Nordvedt", "jenny.nordvedt@example.org"),
            Capacity = 100,
            RsvpDeadline = date.PlusDays(-1) + new LocalTime(12, 0),
            RegistrationMode = RegistrationMode.Open,
        };
        var ev = Event.Create(number, details, creatorId, clock).GetValueOrThrow();

        Add(ev.AddSpeaker(new Speaker { Name = "Dr Cedric de Coning", Role = SpeakerRole.Moderator, Affiliation = "ACCORD and NUPI", JobTitle = "Senior Research Fellow", Status = SpeakerStatus.Confirmed, TimeZoneId = Pretoria }, clock));
        Add(ev.AddSpeaker(new Speaker { Name = "Carlo Koos", Role = SpeakerRole.Presenter, Affiliation = "CMI", Topic = "on the DRC", Status = SpeakerStatus.Confirmed, TimeZoneId = Oslo }, clock));
        Add(ev.AddSpeaker(new Speaker { Name = "Lise Morje Howard", Role = SpeakerRole.Presenter, Affiliation = "Georgetown & EPON", Topic = "on CAR", Status = SpeakerStatus.Confirmed, TimeZoneId = Washington }, clock));
        Add(ev.AddSpeaker(new Speaker { Name = "Natasja Rupesinghe", Role = SpeakerRole.Presenter, Affiliation = "NUPI & EPON", Topic = "on Mali", Status = SpeakerStatus.Confirmed, TimeZoneId = Oslo }, clock));
        Add(ev.AddSpeaker(new Speaker { Name = "Kari Osland", Role = SpeakerRole.Discussant, Affiliation = "NUPI", Status = SpeakerStatus.Confirmed, TimeZoneId = Oslo }, clock));
        Add(ev.AddSpeaker(new Speaker { Name = "Kristoffer Liden", Role = SpeakerRole.Discussant, Affiliation = "PRIO", Status = SpeakerStatus.Confirmed, TimeZoneId = Oslo }, clock));

        Add(ev.AddSegment(new Segment { Title = "Case study: the DRC (MONUSCO)", Minutes = 15, Lead = "Carlo Koos" }, clock));
        Add(ev.AddSegment(new Segment { Title = "Case study: CAR (MINUSCA)", Minutes = 15, Lead = "Lise Morje Howard" }, clock));
        Add(ev.AddSegment(new Segment { Title = "Case study: Mali (MINUSMA)", Minutes = 15, Lead = "Natasja Rupesinghe" }, clock));
        Add(ev.AddSegment(new Segment { Title = "Discussant's comments", Minutes = 10, Lead = "Kari Osland" }, clock));
        Add(ev.AddSegment(new Segment { Title = "Discussant's comments", Minutes = 10, Lead = "Kristoffer Liden" }, clock));
        Add(ev.AddSegment(new Segment { Title = "Facilitated discussion and Q&A", Minutes = 20, Lead = "Dr Cedric de Coning" }, clock));
        Add(ev.AddSegment(new Segment { Title = "Close", Minutes = 5, Lead = "Dr Cedric de Coning" }, clock));

        Add(ev.AddReading(new Reading { Title = "Assessing the Effectiveness of the UN Missions in the DRC (MONUC–MONUSCO)", Url = "https://effectivepeaceops.net/publication/monusco/", Author = "EPON", Kind = ReadingKind.Report }, clock));
        Add(ev.AddReading(new Reading { Title = "Assessing the Effectiveness of the UN Mission in the Central African Republic (MINUSCA)", Url = "https://effectivepeaceops.net/publication/minusca/", Author = "EPON", Kind = ReadingKind.Report }, clock));
        Add(ev.AddReading(new Reading { Title = "Assessing the Effectiveness of the UN Mission in Mali (MINUSMA)", Url = "https://effectivepeaceops.net/publication/minusma/", Author = "EPON", Kind = ReadingKind.Report }, clock));
        Add(ev.AddReading(new Reading { Title = "Webinar recording", Url = "https://effectivepeaceops.net/webinars/", Author = "EPON", Kind = ReadingKind.Recording, Timing = ReadingTiming.After }, clock));

        Add(ev.Publish(clock));
        return ev;
    }

    public static Event Panel(TimeProvider clock, string creatorId, int number)
    {
        var date = WebinarDate(clock).PlusDays(8);
        var details = new EventDetails
        {
            Kind = EventKind.Panel,
            Title = "Peacekeeping missions meet humanitarian action: Lessons from the past for increased future alignment",
            Summary = "What can peacekeeping missions and humanitarian organisations learn from the past to work better alongside each other?",
            Description =
                "A panel organised by **KUNO** as part of *Myths and Realities of (Dutch) Peacekeeping*.\n\n" +
                "Speakers from CIVIC, Save the Children and the Netherlands Ministry of Foreign Affairs discuss lessons from past " +
                "missions for better alignment between peacekeeping and humanitarian action.\n\n" +
                "Registration by email to the organiser; registrations are confirmed by KUNO.",
            Tags = ["Peacekeeping", "Humanitarian action", "Netherlands"],
            Date = date,
            StartTime = new LocalTime(14, 0),
            EndTime = new LocalTime(15, 30),
            TimeZoneId = PanelZone,
            OnlineMeeting = new OnlineMeeting("Zoom", "https://zoom.us/j/69876543210"),
            JoinLinkReleaseDays = 2,
            Recorded = false,
            Hosts = ["KUNO"],
            Contact = new ContactPerson("Corinne Lamain", "corinne.lamain@example.org"),
            PartOf = "Myths and Realities of (Dutch) Peacekeeping",
            Capacity = 60,
            RsvpDeadline = date.PlusDays(-2) + new LocalTime(17, 0),
            RegistrationMode = RegistrationMode.Approval,
        };
        var ev = Event.Create(number, details, creatorId, clock).GetValueOrThrow();

        Add(ev.AddSpeaker(new Speaker { Name = "Corinne Lamain", Role = SpeakerRole.Moderator, Affiliation = "KUNO", JobTitle = "Coordinator", Status = SpeakerStatus.Confirmed }, clock));
        Add(ev.AddSpeaker(new Speaker { Name = "Wendy MacClinchy", Role = SpeakerRole.Panellist, Affiliation = "Center for Civilians in Conflict (CIVIC)", JobTitle = "Director of the United Nations program", Status = SpeakerStatus.Confirmed }, clock));
        Add(ev.AddSpeaker(new Speaker { Name = "Steven Lanting", Role = SpeakerRole.Panellist, Affiliation = "Save the Children", JobTitle = "Global Lobby & Advocacy Lead", Status = SpeakerStatus.Confirmed }, clock));
        Add(ev.AddSpeaker(new Speaker { Name = "Representative of the Ministry of Foreign Affairs NL", Role = SpeakerRole.Panellist, Affiliation = "Ministry of Foreign Affairs of the Netherlands", Status = SpeakerStatus.Tbc }, clock));

        Add(ev.AddSegment(new Segment { Title = "Welcome and introduction", Minutes = 10, Lead = "Corinne Lamain" }, clock));
        Add(ev.AddSegment(new Segment { Title = "Opening statements by the panellists (3 x 10 min)", Minutes = 30 }, clock));
        Add(ev.AddSegment(new Segment { Title = "Moderated panel discussion", Minutes = 25, Lead = "Corinne Lamain" }, clock));
        Add(ev.AddSegment(new Segment { Title = "Questions from the audience", Minutes = 20, Lead = "Corinne Lamain" }, clock));
        Add(ev.AddSegment(new Segment { Title = "Closing remarks", Minutes = 5, Lead = "Corinne Lamain" }, clock));

        Add(ev.AddReading(new Reading { Title = "Oxfam study on UN peacekeeping missions and the protection of civilians", Url = "https://policy-practice.oxfam.org/resources/un-peacekeeping-missions-protection-of-civilians/", Author = "Oxfam", Kind = ReadingKind.Report }, clock));

        Add(ev.Publish(clock));
        return ev;
    }

    private static void Add(DomainResult<EventUpdate> result)
    {
        if (!result.IsSuccess)
        {
            throw new InvalidOperationException("Demo data is invalid: " + result.ErrorMessage);
        }
    }
}
