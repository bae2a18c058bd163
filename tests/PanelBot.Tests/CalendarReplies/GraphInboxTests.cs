using Microsoft.Extensions.DependencyInjection;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.CalendarReplies;
using PanelBot.Mail;
using PanelBot.Tests.Support;
using static PanelBot.Tests.CalendarReplies.InboxDirectoryTests;
using static PanelBot.Tests.CalendarReplies.ReplyMails;
using static PanelBot.Tests.Invitations.MailApps;

namespace PanelBot.Tests.CalendarReplies;

/// <summary>
/// <c>Mail:Inbox:Transport=Graph</c>: REPLYs read from a local Graph fake (delta pages, $value, PATCH isRead, 429, 410)
/// change the RSVP once, across a restart and a full resynchronisation; a forged sender and garbage change nothing.
/// </summary>
public sealed class GraphInboxTests
{
    [Fact]
    public Task ReplyThroughGraph_ChangesTheRsvpOnce_AcrossARestartAndAResync_WhileAForgedSenderChangesNothing() =>
        ReplyThroughGraphAsync(TestDatabase.Sqlite());

    [PostgresFact]
    public async Task ReplyThroughGraph_OnPostgreSql_ChangesTheRsvpOnce_AcrossARestartAndAResync() =>
        await ReplyThroughGraphAsync(await TestDatabase.PostgresAsync());

    private static async Task ReplyThroughGraphAsync(TestDatabase database)
    {
        await using var graph = await FakeGraphMailbox.StartAsync();
        var folder = Directory.CreateTempSubdirectory("graph-app-").FullName;
        // The bot's own app id would make /api/messages ask for Bot Framework tokens, so the chat turns happen in an
        // instance without the Graph inbox on the same database; the Graph instances only read mail.
        BotApp Chat() => new(database) { Settings = { ["Mail:From"] = From, ["Mail:PickupDirectory"] = folder, ["Mail:Inbox:Transport"] = "None" } };
        BotApp App() => new(database)
        {
            Settings =
            {
                ["MicrosoftAppId"] = "00000000-0000-0000-0000-0000000000b0",
                ["MicrosoftAppPassword"] = "not-used-here",
                ["MicrosoftAppTenantId"] = "00000000-0000-0000-0000-0000000000c0",
                ["MicrosoftAppType"] = "SingleTenant",
                ["Mail:From"] = From,
                ["Mail:PickupDirectory"] = folder,
                ["Mail:Inbox:Transport"] = "Graph",
                ["Mail:Inbox:PollSeconds"] = "0.2",
                ["Mail:Graph:BaseUrl"] = graph.BaseUrl,
            },
            TestServices = services => services.AddKeyedSingleton<IAccessTokenSource>(CalendarRepliesRegistration.GraphTokenSourceKey, new FixedToken()),
        };

        int number;
        string uid;
        await using (var chat = Chat())
        {
            var bot = chat.Bot();
            number = await Organiser.CreateWebinarAsync(bot, Olga);
            await bot.SayAsync(User(1), $"rsvp #{number} going email {Email(1)}");
            await bot.SayAsync(User(2), $"rsvp #{number} going email {Email(2)}");
            uid = await UidAsync(chat, number);
        }

        graph.ThrottleNext(); // the reader's first request is throttled and waits out Retry-After
        string declined, garbage, forged, plain;
        await using (var first = App())
        {
            declined = graph.Deliver(Reply(Client.Outlook, uid, Email(1), "DECLINED", From));
            await WaitForAsync(first, number, [RsvpState.No, RsvpState.Going]);

            garbage = graph.Deliver([0x00, 0xff, 0xfe, 0x00, 0x1b]);
            plain = graph.Deliver(Plain(Email(2), From, "Will there be a recording?"));
            forged = graph.Deliver(Reply(Client.Apple, uid, Email(2), "DECLINED", From, from: "mallory@example.net", name: "Bob Builder"));
            await graph.WaitUntilAsync(() => graph.IsRead(forged), "the forged reply to be handled");
            Assert.Equal([RsvpState.No, RsvpState.Going], await StatesAsync(first, number));
        }

        await using (var chat = Chat())
        {
            await chat.Bot().SayAsync(User(1), $"rsvp #{number} going"); // changes their mind in chat
            Assert.Equal([RsvpState.Going, RsvpState.Going], await StatesAsync(chat, number));
        }

        var beforeRestart = graph.Requests.Count;
        await using (var second = App())
        {
            var tentative = graph.Deliver(Reply(Client.Gmail, uid, Email(2), "TENTATIVE", From, name: "Bob Builder"));
            await WaitForAsync(second, number, [RsvpState.Going, RsvpState.Maybe]);
            // Resumed from the stored deltaLink: nothing before the restart was listed (or applied) again.
            var resumed = graph.Requests.Skip(beforeRestart).First(r => r.Target.Contains("/messages/delta", StringComparison.Ordinal));
            Assert.True(resumed.Target.Contains("$deltatoken=", StringComparison.Ordinal) || resumed.Target.Contains("$skiptoken=", StringComparison.Ordinal),
                $"resumed from {resumed.Target}");

            // Graph forgets the delta token: 410 Gone, then a full synchronisation lists every message again.
            graph.ExpireTokens();
            await graph.WaitUntilAsync(() => graph.Requests.Any(r => r.Target.Contains($"$deltatoken={graph.Generation}.", StringComparison.Ordinal)),
                "a full synchronisation after 410 Gone");
            Assert.Contains(graph.Requests, r => r.Status == 410);
            Assert.Equal([RsvpState.Going, RsvpState.Maybe], await StatesAsync(second, number));

            foreach (var id in new[] { declined, garbage, plain, forged, tentative }) Assert.Equal(1, graph.MimeFetches(id));
            Assert.True(graph.IsRead(declined) && graph.IsRead(tentative));
            Assert.False(graph.IsRead(garbage) || graph.IsRead(plain)); // not calendar replies: left for the people who read the mailbox
        }

        var statuses = graph.Requests.Select(r => r.Status).ToList();
        Assert.Equal(429, statuses[0]);
        Assert.Equal(200, statuses[1]);
        Assert.DoesNotContain(401, statuses);
        Directory.Delete(folder, recursive: true);
        await database.DisposeAsync();
    }

    [Fact]
    public async Task GraphInbox_WithoutTheAppRegistration_StopsTheStart()
    {
        await using var app = new BotApp
        {
            Settings = { ["Mail:Inbox:Transport"] = "Graph", ["Mail:Inbox:Graph:Mailbox"] = "not a mailbox" },
        };

        var failure = Assert.ThrowsAny<Exception>(() => app.Server);
        var message = failure.ToString();
        Assert.Contains("Mail:Inbox:Transport=Graph needs MicrosoftAppId", message);
        Assert.Contains("Mail:Inbox:Graph:Mailbox 'not a mailbox'", message);
    }

    private sealed class FixedToken : IAccessTokenSource
    {
        public ValueTask<string> GetAccessTokenAsync(CancellationToken cancellationToken) => ValueTask.FromResult(FakeGraphMailbox.Token);
    }

    private static async Task WaitForAsync(BotApp app, int number, List<RsvpState> expected)
    {
        var deadline = System.Diagnostics.Stopwatch.StartNew();
        List<RsvpState> states;
        while (!(states = await StatesAsync(app, number)).SequenceEqual(expected))
        {
            Assert.True(deadline.Elapsed < TimeSpan.FromSeconds(30), $"RSVPs still {string.Join(",", states)}; log: {string.Join(" | ", app.Logs.Entries)}");
            await Task.Delay(100);
        }
    }
}
