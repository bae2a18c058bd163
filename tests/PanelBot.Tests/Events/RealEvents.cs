using NodaTime;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Events;

/// <summary>
/// The two real events of PRODUCT.md as an organiser would type them, moved to the weeks after the tests' "now" on the
/// same weekdays and local times: the webinar on a Wednesday 15:00–16:30 Oslo time (<see cref="Webinar"/>), the panel
/// eight days later on a Thursday 14:00–15:30 Amsterdam time.
/// </summary>
public static class RealEvents
{
    public const string WebinarTitle = "The relationship between peace operations and humanitarian assistance: enabling or harmful?";
    public const string WebinarJoinUrl = "https://zoom.us/j/61234567890";
    public const string PanelTitle = "Peacekeeping missions meet humanitarian action: Lessons from the past for increased future alignment";
    public const string PanelJoinUrl = "https://zoom.us/j/69876543210";
    public const string CoOrganiser = "jenny";

    /// <summary>The webinar's RSVP deadline: noon the day before.</summary>
    public static LocalDateTime Deadline => Webinar.Date.PlusDays(-1).At(new LocalTime(12, 0));

    public static LocalDate PanelDate => Webinar.Date.PlusDays(8);

    public const string WebinarDescription =
        "Do peace operations enable humanitarian assistance, or do they put it at risk?\n\n" +
        "Researchers from the **Effectiveness of Peace Operations Network (EPON)** present case studies.";

    /// <summary>Everything after <c>new</c>, for event number <paramref name="n"/>.</summary>
    public static IReadOnlyList<string> WebinarCommands(int n) =>
    [
        $"set #{n} summary Three case studies (DRC, CAR, Mali) on how UN peace operations and humanitarian assistance help or hinder each other.",
        $"set #{n} description \"{WebinarDescription.Replace("\"", "\\\"")}\"",
        $"set #{n} platform Zoom",
        $"set #{n} link {WebinarJoinUrl}",
        $"set #{n} recorded yes",
        $"set #{n} hosts Norwegian Centre for Humanitarian Studies; Effectiveness of Peace Operations Network (EPON)",
        $"set #{n} contact Jenny Nordvedt jenny.nordvedt@example.org",
        $"set #{n} tags MINUSCA, MONUSCO, MINUSMA",
        $"set #{n} capacity 100",
        $"set #{n} approval no",
        $"set #{n} release 3",
        $"set #{n} deadline {TestDates.Iso(Deadline)}",
        $"speaker #{n} add \"Dr Cedric de Coning\" moderator affiliation \"ACCORD and NUPI\" title \"Senior Research Fellow\" confirmed",
        $"speaker #{n} add \"Carlo Koos\" presenter affiliation CMI topic \"on the DRC\" confirmed",
        $"speaker #{n} add \"Lise Morje Howard\" presenter affiliation \"Georgetown & EPON\" topic \"on CAR\" confirmed",
        $"speaker #{n} add \"Natasja Rupesinghe\" presenter affiliation \"NUPI & EPON\" topic \"on Mali\" confirmed",
        $"speaker #{n} add \"Kari Osland\" discussant affiliation NUPI confirmed",
        $"speaker #{n} add \"Kristoffer Liden\" discussant affiliation PRIO confirmed",
        $"segment #{n} add \"Case studies\" 45 lead \"Carlo Koos\"",
        $"segment #{n} add \"Discussants' comments\" 20",
        $"segment #{n} add \"Facilitated discussion and Q&A\" 25 lead \"Dr Cedric de Coning\"",
        $"reading #{n} add \"Assessing the Effectiveness of the UN Mission in Mali (MINUSMA)\" https://effectivepeaceops.net/publication/minusma/ by EPON",
        $"reading #{n} add \"Assessing the Effectiveness of the UN Missions in the DRC [MONUC-MONUSCO]\" https://effectivepeaceops.net/publication/monusco/ by EPON kind report",
        $"reading #{n} add \"Webinar recording\" https://effectivepeaceops.net/webinars/ by EPON kind recording after",
        $"organiser #{n} add {CoOrganiser}",
    ];

    public static string NewWebinar => $"new webinar \"{WebinarTitle}\" {Webinar.DateText} 15:00-16:30 Europe/Oslo";

    public static string NewPanel => $"new panel \"{PanelTitle}\" {TestDates.Iso(PanelDate)} 14:00-15:30 Europe/Amsterdam";

    public static IReadOnlyList<string> PanelCommands(int n) =>
    [
        $"set #{n} summary What can peacekeeping missions and humanitarian organisations learn from the past?",
        $"set #{n} venue Nieuwspoort; Lange Poten 10; The Hague",
        $"set #{n} link {PanelJoinUrl}",
        $"set #{n} recorded no",
        $"set #{n} hosts KUNO",
        $"set #{n} contact Corinne Lamain <corinne.lamain@example.org>",
        $"set #{n} partof \"Myths and Realities of (Dutch) Peacekeeping\"",
        $"set #{n} tags Peacekeeping, Humanitarian action, Netherlands",
        $"set #{n} capacity 60",
        $"set #{n} approval yes",
        $"speaker #{n} add \"Corinne Lamain\" moderator affiliation KUNO title Coordinator confirmed",
        $"speaker #{n} add \"Wendy MacClinchy\" panellist affiliation \"Center for Civilians in Conflict (CIVIC)\" title \"Director of the United Nations program\" confirmed",
        $"speaker #{n} add \"Steven Lanting\" panellist affiliation \"Save the Children\" title \"Global Lobby & Advocacy Lead\" confirmed",
        $"speaker #{n} add \"Representative of the Ministry of Foreign Affairs NL\" panellist affiliation \"Ministry of Foreign Affairs of the Netherlands\" tbc",
        $"segment #{n} add \"Opening statements\" 30",
        $"segment #{n} add \"Moderated discussion\" 35 lead \"Corinne Lamain\"",
        $"segment #{n} add \"Questions from the audience\" 20 lead \"Corinne Lamain\"",
        $"reading #{n} add \"Oxfam study on UN peacekeeping missions\" https://policy-practice.oxfam.org/resources/un-peacekeeping-missions/ by Oxfam",
        $"organiser #{n} add {CoOrganiser}",
    ];
}
