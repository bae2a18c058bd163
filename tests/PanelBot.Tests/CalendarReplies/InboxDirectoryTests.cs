using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.CalendarReplies;
using PanelBot.Tests.Support;
using static PanelBot.Tests.CalendarReplies.ReplyMails;
using static PanelBot.Tests.Invitations.MailApps;
using PanelBot.Features.Invitations;

namespace PanelBot.Tests.CalendarReplies;

/// <summary>Accept / Tentative / Decline given in a calendar, dropped as .eml into Mail:Inbox:Directory, becomes the RSVP.</summary>
public sealed class InboxDirectoryTests : IAsyncDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("inbox-").FullName;

    private BotApp App(TestDatabase? database = null, string serviceUrl = BotApp.UnreachableServiceUrl) => new(database, serviceUrl: serviceUrl)
    {
        Settings =
        {
            ["Mail:From"] = From,
            ["Mail:PickupDirectory"] = Path.Combine(folder, "sent"),
            ["Mail:Inbox:Directory"] = Path.Combine(folder, "inbox"),
            ["Mail:Inbox:PollSeconds"] = "3600", // the test reads the folder itself
            ["Mail:DispatchIntervalSeconds"] = "0.1",
        },
    };

    [Theory]
    [InlineData(Client.Outlook, "DECLINED", RsvpState.No)]
    [InlineData(Client.Gmail, "DECLINED", RsvpState.No)]
    [InlineData(Client.Apple, "TENTATIVE", RsvpState.Maybe)]
    public async Task ReplyFromEachClient_ChangesTheRsvpOnce_AndAFreedSeatPromotesTheWaitlist(Client client, string partStat, RsvpState expected)
    {
        await using var app = App();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga, capacity: 1);
        await bot.SayAsync(User(1), $"rsvp #{number} going email {Email(1)}");
        await bot.SayAsync(User(2), $"rsvp #{number} going email {Email(2)}");
        var uid = await UidAsync(app, number);
        Assert.Equal([RsvpState.Going, RsvpState.Waitlisted], await StatesAsync(app, number));

        Drop("answer.eml", Reply(client, uid, Email(1), partStat, From));
        var first = await Reader(app).ReadAllAsync(default);
        Drop("answer-again.eml", Reply(client, uid, Email(1), partStat, From)); // the same answer twice changes nothing more
        var second = await Reader(app).ReadAllAsync(default);

        Assert.Equal([("answer.eml", ReplyOutcome.Applied)], first);
        Assert.Equal([("answer-again.eml", ReplyOutcome.Applied)], second);
        Assert.Equal([expected, RsvpState.Going], await StatesAsync(app, number));
        Assert.True(File.Exists(Path.Combine(folder, "inbox", "processed", "answer.eml")));
        Assert.False(File.Exists(Path.Combine(folder, "inbox", "answer.eml")));
        // The promoted person's invitation went into the outbox exactly once.
        Assert.Equal(1, await app.DbAsync(db => db.OutboxMessages.CountAsync(m => m.Recipient == Email(2) && m.Kind == "invitation")));
    }

    [Fact]
    public async Task AnswerByMail_IsConfirmedInTheAttendeesPrivateChat()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var app = App(serviceUrl: connector.ServiceUrl);
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga);
        await bot.SayAsync(User(1), $"rsvp #{number} going email {Email(1)}");

        Drop("decline.eml", Reply(Client.Outlook, await UidAsync(app, number), Email(1), "DECLINED", From));
        await Reader(app).ReadAllAsync(default);

        var told = await Scheduling.Proactive.WaitAsync(connector, "I've recorded the answer from your calendar", 1, app.Services);
        var message = Assert.Single(told);
        Assert.Contains("you're not going", message.Text);
        Assert.Contains("personal-" + User(1), message.Path); // the person's own chat, not where they said going
    }

    [Fact]
    public async Task AcceptAfterSayingNo_OlderSequence_StillCounts()
    {
        await using var app = App();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga);
        await bot.SayAsync(User(1), $"rsvp #{number} going email {Email(1)}");
        await Organiser.DoAsync(bot, Olga, $"set #{number} start 16:00"); // SEQUENCE grows
        await bot.SayAsync(User(1), $"rsvp #{number} no");

        Drop("accept.eml", Reply(Client.Outlook, await UidAsync(app, number), Email(1), "ACCEPTED", From, sequence: 0));

        Assert.Equal([("accept.eml", ReplyOutcome.Applied)], await Reader(app).ReadAllAsync(default));
        Assert.Equal([RsvpState.Going], await StatesAsync(app, number));
    }

    [Fact]
    public async Task WrongSenderGarbageOtherMailUnknownAttendeeAndCancelledEvent_AreSetAside_AndChangeNothing()
    {
        await using var app = App();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, Olga);
        var cancelled = await Organiser.CreateWebinarAsync(bot, Olga, title: "Cancelled panel");
        await bot.SayAsync(User(1), $"rsvp #{number} going email {Email(1)}");
        await bot.SayAsync(User(1), $"rsvp #{cancelled} going email {Email(1)}");
        await Organiser.DoAsync(bot, Olga, $"cancel #{cancelled}");
        var uid = await UidAsync(app, number);

        Drop("a-forged.eml", Reply(Client.Outlook, uid, Email(1), "DECLINED", From, from: "mallory@example.org"));
        Drop("b-garbage.eml", [0x00, 0xFF, 0x13, 0x37, (byte)'\n', (byte)'{']);
        Drop("c-question.eml", Plain(Email(1), From, "Will there be a recording?"));
        Drop("d-stranger.eml", Reply(Client.Gmail, uid, "stranger@example.org", "ACCEPTED", From));
        Drop("e-cancelled.eml", Reply(Client.Gmail, await UidAsync(app, cancelled), Email(1), "DECLINED", From));
        Drop("f-not-ours.eml", Reply(Client.Apple, "0a1b2c@calendar.google.com", Email(1), "DECLINED", From));

        var outcomes = await Reader(app).ReadAllAsync(default);

        Assert.Equal(
            [("a-forged.eml", ReplyOutcome.WrongSender), ("b-garbage.eml", ReplyOutcome.NotAReply), ("c-question.eml", ReplyOutcome.NotAReply),
             ("d-stranger.eml", ReplyOutcome.Unknown), ("e-cancelled.eml", ReplyOutcome.NotApplicable), ("f-not-ours.eml", ReplyOutcome.Unknown)],
            outcomes);
        Assert.Equal([RsvpState.Going], await StatesAsync(app, number));
        Assert.Equal(6, Directory.GetFiles(Path.Combine(folder, "inbox", "rejected")).Length);
        Assert.Contains(app.Logs.Entries, m => m.Contains("comes from another sender", StringComparison.Ordinal));
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private void Drop(string name, byte[] content)
    {
        Directory.CreateDirectory(Path.Combine(folder, "inbox"));
        File.WriteAllBytes(Path.Combine(folder, "inbox", name), content);
    }

    private static InboxDirectoryReader Reader(BotApp app) => app.Services.GetRequiredService<InboxDirectoryReader>();

    public static async Task<string> UidAsync(BotApp app, int number) =>
        $"panelbot-event-{(await Organiser.EventAsync(app, number)).Id}@panelbot.example";

    public static async Task<List<RsvpState>> StatesAsync(BotApp app, int number)
    {
        var ev = await Organiser.EventAsync(app, number);
        return await app.DbAsync(db => db.Registrations.AsNoTracking().Where(r => r.EventId == ev.Id)
            .OrderBy(r => r.UserId).Select(r => r.State).ToListAsync());
    }
}
