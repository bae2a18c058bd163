using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using PanelBot.Tests.Scheduling;
using PanelBot.Tests.Support;
using PanelBot.Tests.Support.Teams;
using PanelBot.Features.Invitations;

namespace PanelBot.Tests.Teams;

/// <summary>
/// An event's whole life in each Teams scope, against a fake Teams connector that records every call.
/// Whatever is meant for one person (join link, passcode, addresses, lists, export link, feed token, someone's answer)
/// reaches that person in their 1:1 chat, and nothing of it is ever posted to the group chat or channel.
/// The event is <see cref="Webinar"/> (15:00-16:30 Oslo); the test moves the fake clock past each due time.
/// </summary>
public sealed partial class TeamsLifecycleTests
{
    private static readonly DateTimeOffset Start = Webinar.Start;

    // The release is three local days before (same wall-clock time), the reminder 72 hours: the later of the two.
    private static readonly DateTimeOffset ReleaseAndFirstReminder = new[] { TestDates.UtcOffset(Webinar.Date.PlusDays(-3), Webinar.StartTime), Start.AddDays(-3) }.Max();
    private const string JoinUrl = "https://zoom.us/j/61234567890";
    private const string Passcode = "424242";

    [Theory]
    [InlineData("personal")]
    [InlineData("groupChat")]
    [InlineData("channel")]
    public Task WholeLifecycle_PrivateItemsReachEachPerson1To1_AndNothingPersonalIsPostedToASharedConversation(string scope) =>
        RunLifecycleAsync(scope, database: null);

    [PostgresFact]
    public async Task WholeLifecycleInAChannel_OnPostgreSql_KeepsPrivateThingsPrivate()
    {
        await using var database = await TestDatabase.PostgresAsync();
        await RunLifecycleAsync("channel", database);
    }

    private static async Task RunLifecycleAsync(string scope, TestDatabase? database)
    {
        await using var teams = await FakeTeams.StartAsync();
        var olga = teams.AddUser("Olga");
        var alice = teams.AddUser("Alice");
        var bob = teams.AddUser("Bob");
        var carol = teams.AddUser("Carol");
        var dave = teams.AddUser("Dave");
        var eve = teams.AddUser("Eve", appInstalled: false); // Teams refuses a 1:1 chat with her
        var cedric = teams.AddUser("Cedric", email: "cedric@accord.example"); // a speaker who also talks to the bot
        TeamsUser[] everyone = [olga, alice, bob, carol, dave, eve, cedric];
        TeamsPlace place = scope switch
        {
            "channel" => teams.AddTeam("Peace", everyone),
            "groupChat" => teams.AddGroupChat("Panel-team", everyone),
            _ => new TeamsPlace.Personal(),
        };
        await using var app = new SchedulingApp(teams.ServiceUrl, database).Start();
        var chat = new TeamsClient(app.Bot(), teams);

        // Create and publish, all by text in the shared conversation (or each person's own chat).
        await chat.SayAsync(place, olga, $"new webinar \"Peace operations and aid\" {Webinar.DateText} 15:00-16:30 Europe/Oslo");
        Assert.Contains(teams.PrivateTo(olga), c => c.Visible.Contains("Created #1"));
        foreach (var command in new[]
                 {
                     $"set #1 link {JoinUrl}", $"set #1 passcode {Passcode}", "set #1 capacity 2", "set #1 release 3",
                     "speaker #1 add \"Cedric de Coning\" moderator email cedric@accord.example", "publish #1",
                 })
            await chat.SayAsync(place, olga, command);
        Assert.Contains(teams.PrivateTo(olga), c => c.Visible.Contains(JoinUrl)); // the organiser's view, 1:1
        app.Clock.SetUtcNow(app.Clock.GetUtcNow().AddMinutes(5)); // answers come after publishing (the digest counts from then)
        if (place.IsShared)
        {
            Assert.Contains(teams.SharedActivities, c => c.Visible.Contains("#1 is published"));
            Assert.Contains(teams.SharedActivities, c => c.Text.Contains("Updated the join link of #1") && c.Text.Contains("private chat"));
        }

        // RSVP by card button (invoke: the answer only Alice sees) and by text.
        var going = await chat.InvokeAsync(place, alice, "rsvp", new JsonObject { ["event"] = 1, ["answer"] = "going" });
        Assert.Contains("You're going.", CardJson.AllText(going.Card));
        await chat.SayAsync(place, bob, "rsvp #1 going");
        Assert.Contains(teams.PrivateTo(bob), c => c.Visible.Contains("You're going"));

        // Waitlist, then promotion when Alice withdraws.
        await chat.SayAsync(place, carol, "rsvp #1 going");
        Assert.Contains(teams.PrivateTo(carol), c => c.Visible.Contains("waitlist"));
        await chat.InvokeAsync(place, alice, "rsvp", new JsonObject { ["event"] = 1, ["answer"] = "no" });
        await teams.WaitForAsync(c => c.ConversationId == carol.PersonalConversationId && c.Text.StartsWith("Good news, Carol"), "Carol's promotion");

        // More seats; someone Teams will not let the bot reach 1:1 (shared scopes only: she has no personal chat).
        await chat.SayAsync(place, olga, "set #1 capacity 4");
        if (place.IsShared)
        {
            await chat.SayAsync(place, eve, "rsvp #1 going");
            Assert.Contains(teams.SharedActivities, c => c.Text.Contains("I emailed you the answer"));
            var mailed = await app.DbAsync(db => db.OutboxMessages.AsNoTracking().Where(m => m.Recipient == eve.Email).Select(m => m.Kind).ToListAsync());
            Assert.Contains("private-reply", mailed);
        }

        // Approval.
        await chat.SayAsync(place, olga, "set #1 approval yes");
        await chat.SayAsync(place, dave, "rsvp #1 going");
        await chat.SayAsync(place, olga, "approve #1 Dave");
        await teams.WaitForAsync(c => c.ConversationId == dave.PersonalConversationId && c.Text.Contains("is approved"), "Dave's approval");

        // Organiser and participant tools: lists, links and tokens only 1:1.
        foreach (var command in new[] { "attendees #1", "export #1", "outbox #1", "schedule #1" }) await chat.SayAsync(place, olga, command);
        var olgaSees = string.Join("\n", teams.PrivateTo(olga).Select(c => c.Visible));
        Assert.Contains(bob.Email, olgaSees);
        Assert.Contains("/exports/", olgaSees);
        Assert.Contains("webcal://", olgaSees);
        await chat.SayAsync(place, cedric, "email cedric@accord.example");
        await chat.SayAsync(place, bob, "my events");
        Assert.Contains(teams.PrivateTo(bob), c => c.Text.StartsWith("Your upcoming events"));
        await chat.SayAsync(place, carol, "email carol.home@example.net");
        Assert.Contains(teams.PrivateTo(carol), c => c.Text.Contains("carol.home@example.net"));

        // The organiser's digest, on its daily trigger: 08:00 Oslo the next morning. The clock lands just past it, as
        // real time would; a jump over several digest times is a misfire, and a missed digest is not made up.
        app.Clock.SetUtcNow(TestDates.UtcOffset(TestDates.Today().PlusDays(1), new NodaTime.LocalTime(8, 0)).AddSeconds(1));
        await teams.WaitForAsync(c => c.ConversationId == olga.PersonalConversationId && c.Text.StartsWith("RSVP changes for")
                                      && c.Text.Contains("Bob: going"), "the digest");

        // Join-link release and the 3-day reminder, 1:1 to each going participant.
        app.Clock.SetUtcNow(ReleaseAndFirstReminder.AddSeconds(1));
        foreach (var person in new[] { bob, carol, dave })
            await teams.WaitForAsync(c => c.ConversationId == person.PersonalConversationId && c.Text.Contains("here is the join link")
                                          && c.Text.Contains(JoinUrl) && c.Text.Contains(Passcode), $"the join link for {person.Name}");
        if (place.IsShared)
        {
            await teams.WaitForAsync(c => c.ConversationId == olga.PersonalConversationId && c.Text.Contains("couldn't open a private chat")
                                          && c.Text.Contains("- Eve: the ") && c.Text.Contains("went by email instead"), "the organiser told about Eve");
        }

        // The speaker's briefing, the last reminder.
        app.Clock.SetUtcNow(Start.AddDays(-2).AddSeconds(1));
        await WaitForMailAsync(app, "briefing", "cedric@accord.example");
        await teams.WaitForAsync(c => c.ConversationId == cedric.PersonalConversationId && c.Text.StartsWith("Hello Cedric de Coning")
                                      && c.Text.Contains(JoinUrl), "the speaker's briefing 1:1");
        app.Clock.SetUtcNow(Start.AddHours(-1).AddSeconds(1));
        foreach (var person in new[] { bob, carol, dave })
            await teams.WaitForAsync(c => c.ConversationId == person.PersonalConversationId && c.Text.Contains("starts in 1 hour")
                                          && c.Text.Contains(JoinUrl), $"the 1-hour reminder for {person.Name}");

        // After the release, `show` in a shared conversation posts the public card (each viewer's own view comes by refresh).
        await chat.SayAsync(place, bob, "show #1");
        await chat.SayAsync(place, olga, "show #1");
        if (place.IsShared) Assert.True(teams.SharedActivities.Count(c => c.Visible.Contains("Peace operations and aid") && c.Method == "POST") >= 3);
        else Assert.Contains(teams.PrivateTo(bob), c => c.Visible.Contains(JoinUrl) && c.Visible.Contains("You're going"));

        await chat.SayAsync(place, olga, "cancel #1 The moderator is ill");
        Assert.Contains(teams.PrivateTo(olga), c => c.Text.StartsWith("#1 is cancelled", StringComparison.Ordinal));
        if (place.IsShared)
            await teams.WaitForAsync(c => c.Method == "PUT" && teams.ScopeOf(c.ConversationId!) == scope && c.Visible.Contains("Cancelled"), "the cancelled card");

        // Each private item reached only its person.
        Assert.DoesNotContain(teams.PrivateTo(alice), c => c.Text.Contains("join link") || c.Text.Contains("Reminder"));
        Assert.DoesNotContain(teams.PrivateTo(olga), c => c.Text.Contains("here is the join link"));
        Assert.Single(teams.PrivateTo(bob), c => c.Text.Contains("here is the join link"));
        Assert.DoesNotContain(teams.Calls, c => c.IsActivity && c.ConversationId == eve.PersonalConversationId);

        // The rule itself.
        var shared = teams.SharedActivities;
        if (place.IsShared) Assert.True(shared.Count >= 15, $"only {shared.Count} shared activities: the test did not run in the shared conversation");
        else Assert.Empty(shared);
        foreach (var call in shared)
        {
            var seen = call.Visible;
            Assert.False(Url().IsMatch(seen), $"A link in a shared conversation: {call}");
            Assert.False(Email().IsMatch(seen), $"An email address in a shared conversation: {call}");
            Assert.DoesNotContain(Passcode, seen);
            Assert.DoesNotContain("/exports/", seen);
            Assert.DoesNotContain("/feeds/", seen);
            Assert.DoesNotContain("RSVP changes", seen);
            Assert.DoesNotContain("You're going", seen);
        }
    }

    private static Task WaitForMailAsync(SchedulingApp app, string kind, string recipient) =>
        Eventually.Until(() => app.DbAsync(db => db.OutboxMessages.AnyAsync(m => m.Kind == kind && m.Recipient == recipient)),
            $"a {kind} mail to {recipient}");

    [GeneratedRegex(@"https?://|webcal://", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]+")]
    private static partial Regex Email();
}
