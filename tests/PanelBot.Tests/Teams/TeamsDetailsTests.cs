using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PanelBot.Storage;
using PanelBot.Tests.Scheduling;
using PanelBot.Tests.Support;
using PanelBot.Tests.Support.Teams;
using PanelBot.Features.Invitations;
using PanelBot.Features.People;
using PanelBot.Features.PrivateChats;

namespace PanelBot.Tests.Teams;

/// <summary>The Teams specifics behind the private line (rosters, removed bots, install events, threads).</summary>
public sealed class TeamsDetailsTests
{
    private static readonly DateTimeOffset Start = Webinar.Start;

    [Fact]
    public async Task RsvpInAChannelThread_LooksTheAddressUpInTheTeamRoster_AndSaysOnce1To1WhereItCameFrom()
    {
        await using var teams = await FakeTeams.StartAsync();
        var olga = teams.AddUser("Olga");
        var bob = teams.AddUser("Bob");
        var channel = teams.AddTeam("Peace", olga, bob);
        await using var app = new BotApp(serviceUrl: teams.ServiceUrl);
        var chat = new TeamsClient(app.Bot(), teams);
        await chat.SayAsync(channel, olga, $"new webinar \"Peace operations\" {Webinar.DateText} 15:00-16:30 Europe/Oslo");
        await chat.SayAsync(channel, olga, "publish #1");

        await chat.SayAsync(channel, bob, "rsvp #1 going");
        await chat.SayAsync(channel, bob, "rsvp #1 maybe");

        var lookups = teams.Calls.Where(c => c.Method == "GET" && c.Path.Contains("/members/")).ToList();
        Assert.Equal([$"/teams/v3/conversations/{channel.TeamId}/members/{bob.Id}"], lookups.Select(c => c.Path));
        Assert.Equal(bob.Email, (await app.DbAsync(db => db.UserProfiles.SingleAsync(p => p.UserId == bob.Key))).Email);
        var told = teams.PrivateTo(bob).Where(c => c.Visible.Contains("from your Teams profile")).ToList();
        Assert.Single(told);
        Assert.Contains(bob.Email, told[0].Visible);
        Assert.DoesNotContain(teams.SharedActivities, c => c.Visible.Contains(bob.Email));
    }

    [Fact]
    public async Task CardInAChannel_IsThePublicVersion_AndEachViewerGetsTheirOwnStateInTheInvokeResponse()
    {
        await using var teams = await FakeTeams.StartAsync();
        var olga = teams.AddUser("Olga");
        var bob = teams.AddUser("Bob");
        var channel = teams.AddTeam("Peace", olga, bob);
        await using var app = new BotApp(serviceUrl: teams.ServiceUrl);
        var chat = new TeamsClient(app.Bot(), teams);
        await chat.SayAsync(channel, olga, $"new webinar \"Peace operations\" {Webinar.DateText} 15:00-16:30 Europe/Oslo");
        await chat.SayAsync(channel, olga, "set #1 link https://zoom.us/j/61234567890");
        await chat.SayAsync(channel, olga, "publish #1");
        await chat.InvokeAsync(channel, bob, "rsvp", new JsonObject { ["event"] = 1, ["answer"] = "going" });

        app.Clock.SetUtcNow(Start.AddDays(-1)); // after the release (3 days before by default)
        var bobsView = await chat.InvokeAsync(channel, bob, "refreshEvent", new JsonObject { ["event"] = 1 });
        var organisersView = await chat.InvokeAsync(channel, olga, "refreshEvent", new JsonObject { ["event"] = 1 });
        Assert.Contains("You're going.", CardJson.AllText(bobsView.Card));
        Assert.Contains("https://zoom.us/j/61234567890", CardJson.AllText(bobsView.Card));
        Assert.Contains("https://zoom.us/j/61234567890", CardJson.AllText(organisersView.Card));

        await app.TeamsWorkDoneAsync(); // the posted card is refreshed by the background queue
        var posted = teams.SharedActivities.Where(c => c.Visible.Contains("Peace operations") && c.Json?["attachments"] is not null).ToList();
        Assert.NotEmpty(posted);
        Assert.All(posted, c => Assert.DoesNotContain("zoom.us", c.Visible));
        Assert.All(posted, c => Assert.DoesNotContain("You're going", c.Visible));
        var refresh = posted[^1].Json!["attachments"]![0]!["content"]!["refresh"]!;
        Assert.Contains(bob.Id, refresh["userIds"]!.AsArray().Select(u => u!.GetValue<string>()));
    }

    [Fact]
    public async Task BotRemovedFromA1To1_MarksItDead_AndLaterMessagesGoByEmailWithoutTryingItAgain()
    {
        await using var teams = await FakeTeams.StartAsync();
        var olga = teams.AddUser("Olga");
        var bob = teams.AddUser("Bob");
        var channel = teams.AddTeam("Peace", olga, bob);
        await using var app = new SchedulingApp(teams.ServiceUrl).Start();
        var chat = new TeamsClient(app.Bot(), teams);
        await chat.SayAsync(channel, olga, $"new webinar \"Peace operations\" {Webinar.DateText} 15:00-16:30 Europe/Oslo");
        await chat.SayAsync(channel, olga, "set #1 link https://zoom.us/j/61234567890");
        await chat.SayAsync(channel, olga, "publish #1");
        await chat.SayAsync(channel, bob, "rsvp #1 going");
        Assert.Contains(teams.PrivateTo(bob), c => c.Visible.Contains("You're going"));

        teams.RemoveBotFrom(bob.PersonalConversationId); // Bob uninstalled the app without Teams telling the bot
        app.Clock.SetUtcNow(new[] { TestDates.UtcOffset(Webinar.Date.PlusDays(-3), Webinar.StartTime), Start.AddDays(-3) }.Max().AddSeconds(1)); // the release and the 3-day reminder
        await teams.WaitForAsync(c => c.ConversationId == olga.PersonalConversationId && c.Text.Contains("- Bob: "), "the organiser told about Bob");
        await WaitForReminderMailsAsync(app, bob, 1);
        // The release and the reminder run at once, so each may have met the 403; after that nothing tries the chat.
        var refused = teams.Calls.Count(c => c.ConversationId == bob.PersonalConversationId && c.Status == 403);
        Assert.InRange(refused, 1, 2);
        Assert.Equal(PrivateChatStates.Dead, (await app.DbAsync(db => db.PrivateChats.SingleAsync(p => p.UserId == bob.Key))).State);

        var callsToBob = teams.Calls.Count(c => c.ConversationId == bob.PersonalConversationId);

        app.Clock.SetUtcNow(Start.AddHours(-1).AddSeconds(1));
        await WaitForReminderMailsAsync(app, bob, 2);
        Assert.Equal(callsToBob, teams.Calls.Count(c => c.ConversationId == bob.PersonalConversationId));
        Assert.Single(teams.PrivateTo(olga), c => c.Text.Contains("- Bob: "));
        Assert.DoesNotContain(teams.SharedActivities, c => c.Visible.Contains("Reminder") || c.Visible.Contains("zoom.us"));
    }

    private static Task WaitForReminderMailsAsync(SchedulingApp app, TeamsUser user, int count) =>
        Eventually.Until(() => app.DbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == "reminder" && m.Recipient == user.Email)),
            n => n >= count, $"reminder {count} to {user.Name} by email");

    [Fact]
    public async Task InstallAndUninstallEvents_GreetTheTeam_AndStopUpdatesToAConversationTheBotLeft()
    {
        await using var teams = await FakeTeams.StartAsync();
        var olga = teams.AddUser("Olga");
        var chatPlace = teams.AddGroupChat("Organisers", olga);
        await using var app = new BotApp(serviceUrl: teams.ServiceUrl);
        var chat = new TeamsClient(app.Bot(), teams);

        var added = chat.Activity("conversationUpdate", chatPlace, olga);
        added["membersAdded"] = new JsonArray(new JsonObject { ["id"] = FakeTeams.BotId });
        await chat.PostAsync(added);
        Assert.Contains(teams.SharedActivities, c => c.Visible.Contains("Hi, I'm PanelBot"));

        await chat.SayAsync(chatPlace, olga, $"new webinar \"Peace operations\" {Webinar.DateText} 15:00-16:30 Europe/Oslo");
        await chat.SayAsync(chatPlace, olga, "publish #1");
        var removed = chat.Activity("installationUpdate", chatPlace, olga);
        removed["action"] = "remove";
        await chat.PostAsync(removed);
        Assert.NotNull(await app.DbAsync(db => db.Conversations.Where(c => c.ConversationId == chatPlace.ConversationId).Select(c => c.DeadAt).SingleAsync()));

        var updatesBefore = teams.Calls.Count(c => c.Method == "PUT");
        await chat.SayAsync(new TeamsPlace.Personal(), olga, "set #1 title Peace operations and aid");
        Assert.Contains(teams.PrivateTo(olga), c => c.Text.Contains("Updated the title"));
        Assert.Equal(updatesBefore, teams.Calls.Count(c => c.Method == "PUT"));
        Assert.Equal("groupChat", await app.DbAsync(db => db.Conversations.Where(c => c.ConversationId == chatPlace.ConversationId).Select(c => c.Scope).SingleAsync()));
    }

    [Fact]
    public async Task BotRemovedFromATeam_StopsUpdatesToEveryThreadOfIt()
    {
        await using var teams = await FakeTeams.StartAsync();
        var olga = teams.AddUser("Olga");
        var channel = teams.AddTeam("Peace", olga);
        await using var app = new BotApp(serviceUrl: teams.ServiceUrl);
        var chat = new TeamsClient(app.Bot(), teams);
        await chat.SayAsync(channel, olga, $"new webinar \"Peace operations\" {Webinar.DateText} 15:00-16:30 Europe/Oslo");
        await chat.SayAsync(channel, olga, "publish #1");
        await chat.SayAsync(new TeamsPlace.Personal(), olga, "set #1 title Peace operations and aid");
        var updatesBefore = teams.Calls.Count(c => c.Method == "PUT");
        Assert.True(updatesBefore > 0);

        // Teams tells the team's channel (not the thread) that the bot left the team.
        var removed = chat.Activity("conversationUpdate", channel, olga);
        removed["conversation"]!["id"] = channel.ChannelId;
        removed["channelData"]!["eventType"] = "teamMemberRemoved";
        removed["membersRemoved"] = new JsonArray(new JsonObject { ["id"] = FakeTeams.BotId });
        await chat.PostAsync(removed);

        await chat.SayAsync(new TeamsPlace.Personal(), olga, "set #1 title Peace operations and humanitarian aid");
        Assert.Contains(teams.PrivateTo(olga), c => c.Text.Contains("Updated the title"));
        Assert.Equal(updatesBefore, teams.Calls.Count(c => c.Method == "PUT"));
    }
}
