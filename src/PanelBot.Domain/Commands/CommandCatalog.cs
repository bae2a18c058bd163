namespace PanelBot.Domain.Commands;

/// <summary>Every command with its usage and a one-line description; the app renders <c>help</c> from it.</summary>
public static class CommandCatalog
{
    public static IReadOnlyList<CommandInfo> All { get; } =
    [
        new("new", "new webinar|panel \"TITLE\" DATE START-END [ZONE]", "Create a draft event, e.g. new webinar \"Peace operations\" 2026-09-09 15:00-16:30 Europe/Oslo; new alone (or new webinar, new panel) opens a form", CommandGroup.Organise, false),
        new("set", "set #N FIELD VALUE", "Change a field: title, summary, description, date, start, end, zone, venue, link, platform, passcode, dialin, recorded, hosts, contact, partof, tags, capacity, deadline, approval, release", CommandGroup.Organise, true),
        new("show", "show #N", "Show an event's card", CommandGroup.General, false),
        new("events", "events", "List the events", CommandGroup.General, false),
        new("publish", "publish #N", "Publish a draft so people can RSVP", CommandGroup.Organise, true),
        new("cancel", "cancel #N [REASON]", "Cancel an event and tell everyone", CommandGroup.Organise, true),
        new("organiser", "organiser #N add|remove USER", "Let someone else edit the event (mention them with @)", CommandGroup.Organise, true),
        new("speaker", "speaker #N add \"NAME\" ROLE [affiliation \"ORG\"] [title \"JOB TITLE\"] [topic \"TOPIC\"] [email ADDRESS] [zone ZONE] [tbc|invited|confirmed|declined]", "Add a speaker; ROLE is moderator, chair, presenter (case study), discussant, panellist or keynote; ZONE is where they are (IANA, e.g. America/New_York; by default the zone of their Teams client if they have talked to me). Also: speaker #N remove \"NAME\", speaker #N \"NAME\" confirmed, speaker #N \"NAME\" zone ZONE", CommandGroup.Programme, true),
        new("times", "times #N", "Start times on the event's date that fall within every speaker's waking hours, with each speaker's local time", CommandGroup.Programme, true),
        new("segment", "segment #N add \"TITLE\" MINUTES [lead \"NAME\"]", "Add a run-of-show segment at the end; segment #N remove POSITION removes one", CommandGroup.Programme, true),
        new("reading", "reading #N add \"TITLE\" URL [by \"AUTHOR\"] [kind report|policy-brief|article|summary-report|recording|other] [after]", "Add a reading (after = for the follow-up); reading #N remove \"TITLE\" removes one", CommandGroup.Programme, true),
        new("rsvp", "rsvp #N going|maybe|no [email ADDRESS]", "Answer for yourself", CommandGroup.Rsvp, false),
        new("my events", "my events", "The events you answered", CommandGroup.Rsvp, false),
        new("attendees", "attendees #N", "Who is coming (organisers see names, others counts)", CommandGroup.Rsvp, false),
        new("export", "export #N", "The attendee list as CSV", CommandGroup.Rsvp, true),
        new("approve", "approve #N USER", "Approve a registration", CommandGroup.Rsvp, true),
        new("decline", "decline #N USER", "Decline a registration", CommandGroup.Rsvp, true),
        new("email", "email ADDRESS", "Remember your email address for invitations", CommandGroup.Rsvp, false),
        new("forget me", "forget me [confirm]", "Delete your email address and RSVPs (asks before it does)", CommandGroup.Rsvp, false),
        new("remind", "remind #N 3d,1h", "Set reminder times before the start (d days, h hours, m minutes)", CommandGroup.Organise, true),
        new("schedule", "schedule #N", "Show the scheduled reminders and mails", CommandGroup.Organise, true),
        new("outbox", "outbox #N", "Show the mail queue", CommandGroup.Organise, true),
        new("help", "help [COMMAND]", "This list, or the usage of one command", CommandGroup.General, false),
        new("demo", "demo", "Create two sample events to try things out", CommandGroup.General, false),
    ];

    /// <summary>First words a command can start with, including aliases.</summary>
    public static IReadOnlyList<string> Keywords { get; } =
    [
        "new", "set", "show", "events", "publish", "cancel", "organiser", "organizer", "speaker", "times", "segment", "reading",
        "rsvp", "my", "attendees", "export", "approve", "decline", "email", "forget", "remind", "schedule", "outbox", "help", "demo",
    ];

    public static CommandInfo? Find(string name)
    {
        var key = name.Trim().ToLowerInvariant() switch
        {
            "organizer" => "organiser",
            "my" => "my events",
            "forget" => "forget me",
            var other => other,
        };
        return All.FirstOrDefault(c => c.Name == key);
    }

    public static string Usage(string name) => Find(name)?.Usage ?? name;
}
