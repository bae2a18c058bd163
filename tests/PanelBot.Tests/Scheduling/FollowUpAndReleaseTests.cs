using Microsoft.EntityFrameworkCore;
using PanelBot.Features.Scheduling;
using PanelBot.Tests.Support;
using PanelBot.Features.Invitations;

namespace PanelBot.Tests.Scheduling;

/// <summary>The join-link release, the speaker briefing and the follow-up (also for readings added later), once each.</summary>
public sealed class FollowUpAndReleaseTests
{
    private static readonly DateTimeOffset Start = Webinar.Start;
    private static readonly DateTimeOffset End = Webinar.End;

    // The release is on the local calendar: the start's wall-clock time, three days earlier.
    private static readonly DateTimeOffset Release = TestDates.UtcOffset(Webinar.Date.PlusDays(-3), Webinar.StartTime);

    [Fact]
    public async Task ReleaseBriefingAndFollowUp_ArriveOnceEach_AndALaterReadingGoesOutAlone()
    {
        await using var connector = await ConnectorRecorder.StartAsync();
        await using var app = new SchedulingApp(connector.ServiceUrl).Start();
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga", releaseDays: 3, publish: false);
        await Organiser.DoAsync(bot, "olga", $"speaker #{number} add \"Carlo Koos\" presenter affiliation \"CMI\" topic \"on the DRC\" email carlo@example.org");
        await Organiser.DoAsync(bot, "olga", $"speaker #{number} add \"Cedric de Coning\" moderator email cedric@example.org");
        await Organiser.DoAsync(bot, "olga", $"speaker #{number} add \"Kari Osland\" discussant");
        await Organiser.DoAsync(bot, "olga", $"segment #{number} add \"Case studies\" 45 lead \"Carlo Koos\"");
        await Organiser.DoAsync(bot, "olga", $"reading #{number} add \"EPON report on MINUSCA\" https://effectivepeaceops.net/minusca after");
        await bot.SayAsync("olga", $"publish #{number}");
        await bot.SayAsync("alice", "email alice@example.org");
        await bot.SayAsync("alice", $"rsvp #{number} going");
        await bot.SayAsync("bob", $"rsvp #{number} going");
        await bot.SayAsync("carol", $"rsvp #{number} no");
        // Days pass before the release, so her invitation has gone out by then (one still waiting would be replaced by the
        // update, as the outbox merges mail to one person).
        await Eventually.Until(() => app.DbAsync(db => db.OutboxMessages.Where(m => m.Recipient == "alice@example.org")
                .Select(m => m.State).ToListAsync()),
            states => states is [PanelBot.Features.Invitations.OutboxState.Sent],
            states => $"Alice's invitation sent before the release (now: {string.Join(", ", states)})");

        // The release: 3 days before the start, the link by chat to those going.
        app.Clock.SetUtcNow(Release.AddSeconds(1));
        var released = await Proactive.WaitAsync(connector, "Alice: here is the join link", 1, app.Services);
        Assert.Single(released);
        Assert.Contains("https://zoom.us/j/61234567890", released[0].Text);
        Assert.Single(Proactive.Messages(connector, "Bob: here is the join link"));
        Assert.Empty(Proactive.To(connector, "carol", "Carol"));
        // ...and the invitations feature queued Alice's updated invitation (with the link) in the same run, once (the 3-day
        // reminder, due at the same time, is the other mail she gets now).
        var releaseAt = NodaTime.Instant.FromDateTimeOffset(Release);
        Assert.Equal(1, await CountMailAsync(app, m => m.Recipient == "alice@example.org" && m.CreatedAt >= releaseAt && m.Kind != ScheduledKinds.Reminder));
        // ...with a higher SEQUENCE than her invitation, so that Apple Calendar and Outlook apply it.
        // (Calendar mail is composed when sent, and only the pickup folder keeps it: read it once both are.)
        var aliceMail = await Eventually.Until(() => app.DbAsync(db => db.OutboxMessages
                .Where(m => m.Recipient == "alice@example.org" && m.Kind != ScheduledKinds.Reminder).OrderBy(m => m.Id).ToListAsync()),
            mail => mail.All(m => m.State == PanelBot.Features.Invitations.OutboxState.Sent),
            mail => $"Alice's invitation and update sent (now: {string.Join(", ", mail.Select(m => m.State))})");
        // (SEQUENCE:0 is the default and may be left out, RFC 5545 §3.8.7.4.)
        var sequences = new List<int>();
        foreach (var mail in aliceMail)
        {
            var calendar = CalendarOf(await Invitations.MailApps.DeliveredAsync(app.Services, mail));
            sequences.Add(Invitations.Ics.Properties(calendar, "SEQUENCE").Select(p => int.Parse(p.Split(':')[1])).SingleOrDefault());
        }

        Assert.Equal(2, sequences.Count);
        Assert.Equal(sequences[0] + 1, sequences[1]);

        // The briefing: 2 days before, by mail to the speakers who have an address.
        app.Clock.SetUtcNow(Start.AddDays(-2).AddSeconds(1));
        var briefings = await WaitForMailAsync(app, ScheduledKinds.Briefing, 2);
        Assert.Equal(["carlo@example.org", "cedric@example.org"], briefings.Select(m => m.Recipient).Order());
        var carlos = MailHeaders.Text(briefings.Single(m => m.Recipient == "carlo@example.org").Mime);
        Assert.Contains("Case studies", carlos);
        Assert.Contains("Kari Osland", carlos);
        Assert.Contains("Moderator: Cedric de Coning", carlos);

        // The follow-up: an hour after the end, thanks and the after-event reading.
        app.Clock.SetUtcNow(End.AddHours(1).AddSeconds(1));
        var thanks = await Proactive.WaitAsync(connector, "Thank you for joining", 2, app.Services);
        Assert.Equal(2, thanks.Count);
        Assert.All(thanks, t => Assert.Contains("https://effectivepeaceops.net/minusca", t.Text));
        Assert.Single(await WaitForMailAsync(app, ScheduledKinds.FollowUp, 1));

        // A recording added later goes out alone, once.
        await Organiser.DoAsync(bot, "olga", $"reading #{number} add \"Recording\" https://example.org/recording kind recording after");
        var more = await Proactive.WaitAsync(connector, "Alice: new material", 1, app.Services);
        Assert.Single(more);
        Assert.Contains("https://example.org/recording", more[0].Text);
        Assert.DoesNotContain("minusca", more[0].Text);
        Assert.Single(Proactive.Messages(connector, "Bob: new material"));
        Assert.Equal(2, Proactive.Messages(connector, "Thank you for joining").Count);
        Assert.Equal(2, (await WaitForMailAsync(app, ScheduledKinds.FollowUp, 2)).Count);
        Assert.Equal(2, Proactive.Messages(connector, "Alice: here is the join link").Count + Proactive.Messages(connector, "Bob: here is the join link").Count);
    }

    private static string CalendarOf(byte[] mime)
    {
        using var stream = new MemoryStream(mime);
        var calendar = MimeKit.MimeMessage.Load(stream).BodyParts.OfType<MimeKit.TextPart>().First(p => p.ContentType.IsMimeType("text", "calendar"));
        return calendar.Text.ReplaceLineEndings("\r\n");
    }

    /// <summary>Counted once the app is idle (nothing left to fire or send), so a duplicate would be counted.</summary>
    private static async Task<int> CountMailAsync(SchedulingApp app,
        System.Linq.Expressions.Expression<Func<PanelBot.Features.Invitations.OutboxEntry, bool>> match)
    {
        await AppIdle.WaitAsync(app.Services);
        return await app.DbAsync(db => db.OutboxMessages.CountAsync(match));
    }

    private static async Task<List<PanelBot.Features.Invitations.OutboxEntry>> WaitForMailAsync(SchedulingApp app, string kind, int count)
    {
        await Eventually.Until(() => app.DbAsync(db => db.OutboxMessages.CountAsync(m => m.Kind == kind)), n => n >= count, $"{count} {kind} mails");
        await AppIdle.WaitAsync(app.Services);
        return await app.DbAsync(db => db.OutboxMessages.Where(m => m.Kind == kind).ToListAsync());
    }
}
