using Microsoft.EntityFrameworkCore;
using PanelBot.Features.Invitations;
using PanelBot.Tests.Support;
using static PanelBot.Tests.Invitations.MailApps;

namespace PanelBot.Tests.Invitations;

/// <summary>Invitations through a real SMTP server (aiosmtpd): one message per attendee, each to them alone.</summary>
public sealed class SmtpInvitationTests
{
    [SmtpFact]
    public async Task RsvpGoing_TwentyAttendees_TwentySeparateMessagesEachToOneAttendee()
    {
        await using var server = await SmtpServer.StartAsync();
        await using var app = Smtp(server);
        var bot = app.Bot();
        var number = await PublishedWebinarAsync(bot);

        for (var k = 1; k <= 20; k++)
            await bot.SayAsync(User(k), $"rsvp #{number} going email {Email(k)}");

        var mails = await server.WaitForAsync(20);
        await AppIdle.WaitAsync(app.Services); // the outbox has nothing left to send: nothing more may arrive
        mails = server.Messages();
        Assert.Equal(20, mails.Count);
        Assert.Equal(Enumerable.Range(1, 20).Select(Email).Order(), mails.Select(m => Assert.Single(m.RcptTos)).Order());
        foreach (var mail in mails)
        {
            var recipient = Assert.Single(mail.RcptTos);
            Assert.Equal(From, mail.MailFrom);
            Assert.Contains($"<{recipient}>", ToOf(mail));
            Assert.DoesNotContain(",", ToOf(mail));
            Assert.Null(mail.Parsed.Header("Cc"));
            var attendee = Assert.Single(Ics.Properties(CalendarOf(mail), "ATTENDEE"));
            Assert.EndsWith($":mailto:{recipient}", attendee);
            Assert.DoesNotContain(mails.Select(m => m.RcptTos[0]).Where(r => r != recipient), other => System.Text.Encoding.ASCII.GetString(mail.Content).Contains(other));
        }

        var ev = await Organiser.EventAsync(app, number);
        var message = mails[0].Parsed;
        Assert.Equal("multipart/mixed{multipart/alternative{text/plain,text/html,text/calendar},application/ics}", message.Shape);
        var calendarPart = message.Leaf("text/calendar");
        Assert.Equal("REQUEST", calendarPart.Parameter("Content-Type", "method"));
        var ics = calendarPart.Text;
        Assert.Equal("REQUEST", Ics.Value(ics, "METHOD"));
        Assert.Equal($"panelbot-event-{ev.Id}@panelbot.example", Ics.Value(ics, "UID"));
        Assert.Equal(ev.Sequence.ToString(), Ics.Value(ics, "SEQUENCE"));
        Assert.Contains($"ORGANIZER;CN=\"Peace Ops Events\":mailto:{From}", Ics.Properties(ics, "ORGANIZER"));
        Assert.Contains("ROLE=REQ-PARTICIPANT", Ics.Properties(ics, "ATTENDEE")[0]);
        Assert.Contains("RSVP=TRUE", Ics.Properties(ics, "ATTENDEE")[0]);
        Assert.Contains($"DTSTART;TZID=Europe/Oslo:{Webinar.Date:yyyyMMdd}T150000", string.Join("\n", Ics.Properties(ics, "DTSTART")));
        var attachment = message.Leaf("application/ics");
        Assert.Equal("invite.ics", attachment.Parameter("Content-Disposition", "filename"));
        Assert.Equal(ics, attachment.Text);
        Assert.NotNull(message.Header("Message-ID"));
        Assert.Equal("urn:content-classes:calendarmessage", message.Header("Content-Class"));

        var text = message.Leaf("text/plain").Text;
        Assert.Contains("Peace operations and aid", text);
        Assert.Contains("Carlo Koos", text);
        Assert.Contains($"rsvp #{number} no", text);
        Assert.Contains("The join link will follow 3 days before", text); // not released yet
        Assert.DoesNotContain("61234567890", System.Text.Encoding.ASCII.GetString(mails[0].Content) + text + ics);
        Assert.Contains("Carlo Koos", message.Leaf("text/html").Text);

        var rows = await OutboxAsync(app);
        Assert.Equal(20, rows.Count);
        Assert.All(rows, r => Assert.Equal(OutboxState.Sent, r.State));
    }

    [SmtpFact]
    public async Task ServerDown_InvitationsWaitInOutbox_ThenAllArriveOnce()
    {
        await using var server = SmtpServer.Stopped();
        await using var app = Smtp(server);
        var bot = app.Bot();
        var number = await PublishedWebinarAsync(bot);
        for (var k = 1; k <= 5; k++) await bot.SayAsync(User(k), $"rsvp #{number} going email {Email(k)}");

        var waiting = await WaitForOutboxAsync(app, rows => rows.Count == 5 && rows.All(r => r.State == OutboxState.Pending && r.Attempts > 0),
            "five failed first attempts");
        Assert.All(waiting, r => Assert.NotNull(r.LastError));
        var status = CardJson.TextOf(await bot.SayAsync(Olga, $"outbox #{number}"));
        Assert.Contains("5 pending", status);
        Assert.Contains("last error", status);

        await server.StartAgainAsync();
        app.Clock.Advance(TimeSpan.FromMinutes(5)); // past the first back-off
        await WaitForOutboxAsync(app, rows => rows.All(r => r.State == OutboxState.Sent), "all sent");

        await AppIdle.WaitAsync(app.Services);
        var mails = server.Messages();
        Assert.Equal(Enumerable.Range(1, 5).Select(Email).Order(), mails.Select(m => Assert.Single(m.RcptTos)).Order());
        Assert.Contains("5 sent", CardJson.TextOf(await bot.SayAsync(Olga, $"outbox #{number}")));
    }

    [SmtpFact]
    public async Task Restart_MidWay_NoneLostNoneDuplicated()
    {
        await using var server = await SmtpServer.StartAsync();
        var database = TestDatabase.Sqlite();
        var clock = TestClock.Create();
        int number;
        await using (var first = Smtp(server, database, clock))
        {
            var bot = first.Bot();
            number = await PublishedWebinarAsync(bot);
            for (var k = 1; k <= 4; k++) await bot.SayAsync(User(k), $"rsvp #{number} going email {Email(k)}");
            await server.WaitForAsync(4);
            await WaitForOutboxAsync(first, rows => rows.All(r => r.State == OutboxState.Sent), "the first four sent");

            await server.StopAsync();
            for (var k = 5; k <= 10; k++) await bot.SayAsync(User(k), $"rsvp #{number} going email {Email(k)}");
            await WaitForOutboxAsync(first, rows => rows.Count == 10 && rows.Skip(4).All(r => r.Attempts > 0), "failed attempts");
        }

        // The first process "crashed" while sending two of them: claimed, no answer recorded.
        await using (var raw = new Microsoft.Data.Sqlite.SqliteConnection(database.ConnectionString))
        {
            await raw.OpenAsync();
            await using var command = raw.CreateCommand();
            command.CommandText = "UPDATE outbox_messages SET state = 'Sending', claimed_at = @now WHERE id IN (SELECT id FROM outbox_messages WHERE state = 'Pending' ORDER BY id LIMIT 2)";
            command.Parameters.AddWithValue("@now", clock.GetUtcNow().UtcDateTime);
            Assert.Equal(2, await command.ExecuteNonQueryAsync());
        }

        await server.StartAgainAsync();
        // Only past the retry back-off (60 s), well inside any lease: on SQLite the claims of the previous run are
        // released at start-up.
        clock.Advance(TimeSpan.FromMinutes(2));
        await using var second = Smtp(server, database, clock);
        await WaitForOutboxAsync(second, rows => rows.Count == 10 && rows.All(r => r.State == OutboxState.Sent), "all ten sent");
        await AppIdle.WaitAsync(second.Services);

        var recipients = server.Messages().Select(m => Assert.Single(m.RcptTos)).ToList();
        Assert.Equal(Enumerable.Range(1, 10).Select(Email).Order(), recipients.Order()); // each exactly once
        await database.DisposeAsync();
    }

    [SmtpFact]
    public async Task TimeChange_UpdatesEveryoneInvitedAfterWindow_SameUidHigherSequence_CloseEditsMerged()
    {
        await using var server = await SmtpServer.StartAsync();
        await using var app = Smtp(server);
        var bot = app.Bot();
        var number = await PublishedWebinarAsync(bot, speakerEmail: "cedric@accord.example");
        for (var k = 1; k <= 3; k++) await bot.SayAsync(User(k), $"rsvp #{number} going email {Email(k)}");
        var invitations = await server.WaitForAsync(4);
        var moderatorInvite = invitations.Single(m => m.RcptTos[0] == "cedric@accord.example");
        Assert.Contains("ROLE=CHAIR", Assert.Single(Ics.Properties(CalendarOf(moderatorInvite), "ATTENDEE")));
        var uid = Ics.Value(CalendarOf(invitations[0]), "UID");
        var sequence = int.Parse(Ics.Value(CalendarOf(invitations[0]), "SEQUENCE"));
        await WaitForOutboxAsync(app, rows => rows.All(r => r.State == OutboxState.Sent), "invitations sent");

        await Organiser.DoAsync(bot, Olga, $"set #{number} start 16:00");
        await WaitForOutboxAsync(app, rows => rows.Count(r => r.State == OutboxState.Pending) == 4, "the four updates queued");
        await AppIdle.WaitAsync(app.Services); // nothing due: the updates are held for the merge window
        Assert.Equal(4, server.Messages().Count);
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        var afterOne = (await server.WaitForAsync(8, () => Wake(app))).Skip(4).ToList();
        Assert.Equal(["cedric@accord.example", .. Enumerable.Range(1, 3).Select(Email)], afterOne.Select(m => m.RcptTos[0]).Order());
        foreach (var update in afterOne)
        {
            var ics = CalendarOf(update);
            Assert.Equal("REQUEST", Ics.Value(ics, "METHOD"));
            Assert.Equal(uid, Ics.Value(ics, "UID"));
            Assert.Equal(sequence + 1, int.Parse(Ics.Value(ics, "SEQUENCE")));
            Assert.Contains($"DTSTART;TZID=Europe/Oslo:{Webinar.Date:yyyyMMdd}T160000", string.Join("\n", Ics.Properties(ics, "DTSTART")));
        }

        await Organiser.DoAsync(bot, Olga, $"set #{number} end 18:00");
        await Organiser.DoAsync(bot, Olga, $"set #{number} start 17:00");
        await Organiser.DoAsync(bot, Olga, $"set #{number} venue \"Litteraturhuset, Oslo\"");
        app.Clock.Advance(TimeSpan.FromSeconds(2));
        var merged = (await server.WaitForAsync(12, () => Wake(app))).Skip(8).ToList();
        await AppIdle.WaitAsync(app.Services);
        Assert.Equal(12, server.Messages().Count); // three edits, one update each
        foreach (var update in merged)
        {
            var ics = CalendarOf(update);
            Assert.Equal(sequence + 4, int.Parse(Ics.Value(ics, "SEQUENCE")));
            Assert.Contains("Litteraturhuset", Ics.Value(ics, "LOCATION"));
            Assert.Contains($"DTSTART;TZID=Europe/Oslo:{Webinar.Date:yyyyMMdd}T170000", string.Join("\n", Ics.Properties(ics, "DTSTART")));
        }
        var rows = await OutboxAsync(app);
        Assert.Equal(8, rows.Count(r => r.State == OutboxState.Superseded));
    }

    [SmtpFact]
    public async Task RsvpNo_AfterGoing_CancelsForThatPersonOnly_ThenCancelEvent_CancelsForAll()
    {
        await using var server = await SmtpServer.StartAsync();
        await using var app = Smtp(server);
        var bot = app.Bot();
        var number = await PublishedWebinarAsync(bot);
        for (var k = 1; k <= 3; k++) await bot.SayAsync(User(k), $"rsvp #{number} going email {Email(k)}");
        await server.WaitForAsync(3);

        await bot.SayAsync(User(2), $"rsvp #{number} no");
        var withdrawal = (await server.WaitForAsync(4, () => Wake(app)))[3];
        Assert.Equal([Email(2)], withdrawal.RcptTos);
        var ics = CalendarOf(withdrawal);
        Assert.Equal("CANCEL", Ics.Value(ics, "METHOD"));
        Assert.Equal("CANCEL", withdrawal.Parsed.Leaf("text/calendar").Parameter("Content-Type", "method"));
        Assert.Equal("CANCELLED", Ics.Value(ics, "STATUS"));
        Assert.EndsWith($"mailto:{Email(2)}", Assert.Single(Ics.Properties(ics, "ATTENDEE")));

        var sequence = (await Organiser.EventAsync(app, number)).Sequence;
        await Organiser.DoAsync(bot, Olga, $"cancel #{number} the speakers are ill");
        var cancels = (await server.WaitForAsync(6, () => Wake(app))).Skip(4).ToList();
        await AppIdle.WaitAsync(app.Services);
        Assert.Equal(6, server.Messages().Count);
        Assert.Equal([Email(1), Email(3)], cancels.Select(m => m.RcptTos[0]).Order());
        foreach (var cancel in cancels)
        {
            var cancelIcs = CalendarOf(cancel);
            Assert.Equal("CANCEL", Ics.Value(cancelIcs, "METHOD"));
            Assert.Equal("CANCELLED", Ics.Value(cancelIcs, "STATUS"));
            Assert.Equal(sequence + 1, int.Parse(Ics.Value(cancelIcs, "SEQUENCE")));
            Assert.Contains("the speakers are ill", cancel.Parsed.Leaf("text/plain").Text);
        }
    }
}
