using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PanelBot.Features.Invitations;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Invitations;

/// <summary>Bot apps wired to a real SMTP server, with a short merge window and fast polling.</summary>
public static class MailApps
{
    public const string Olga = "olga";
    public const string From = "events@panelbot.example";

    public static BotApp Smtp(SmtpServer server, TestDatabase? database = null, FakeTimeProvider? clock = null, double mergeWindowSeconds = 1) =>
        new(database, clock)
        {
            Settings =
            {
                ["Mail:Transport"] = "Smtp",
                ["Mail:Smtp:Host"] = "127.0.0.1",
                ["Mail:Smtp:Port"] = server.Port.ToString(),
                ["Mail:Smtp:Security"] = "None",
                ["Mail:Smtp:TimeoutSeconds"] = "10",
                ["Mail:From"] = From,
                ["Mail:FromName"] = "Peace Ops Events",
                ["Mail:UpdateMergeWindowSeconds"] = mergeWindowSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Mail:DispatchIntervalSeconds"] = "0.1",
                ["Mail:RetryBaseSeconds"] = "60",
                ["PublicBaseUrl"] = "https://bot.panelbot.example",
            },
        };

    public static string User(int k) => $"user{k:00}";

    public static string Email(int k) => $"user{k:00}@example.org";

    public static async Task<int> PublishedWebinarAsync(BotClient bot, string? speakerEmail = null)
    {
        var number = await Organiser.CreateWebinarAsync(bot, Olga, publish: false);
        if (speakerEmail is not null)
            await Organiser.DoAsync(bot, Olga, $"speaker #{number} add \"Cedric de Coning\" moderator affiliation \"ACCORD\" email {speakerEmail}");
        await Organiser.DoAsync(bot, Olga, $"speaker #{number} add \"Carlo Koos\" presenter topic \"on the DRC\"");
        var replies = await bot.SayAsync(Olga, $"publish #{number}");
        Assert.Contains($"#{number} is published", CardJson.TextOf(replies));
        return number;
    }

    public static Task<List<OutboxEntry>> OutboxAsync(BotApp app) =>
        app.DbAsync(db => db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync());

    /// <summary>What the app's pickup folder received for <paramref name="row"/> (sent mail is not kept in the outbox).</summary>
    public static Task<byte[]> DeliveredAsync(BotApp app, OutboxEntry row) => DeliveredAsync(app.Services, row);

    public static Task<byte[]> DeliveredAsync(IServiceProvider services, OutboxEntry row)
    {
        var transport = Assert.IsType<PanelBot.Mail.PickupDirectoryTransport>(services.GetRequiredService<PanelBot.Mail.IMailTransport>());
        return File.ReadAllBytesAsync(Path.Combine(transport.Directory, PanelBot.Mail.PickupDirectoryTransport.FileNameFor(row.MessageId)));
    }

    public static void Wake(BotApp app) => app.Services.GetRequiredService<OutboxDispatcher>().Wake();

    /// <summary>Waits until the outbox rows satisfy <paramref name="done"/>.</summary>
    public static Task<List<OutboxEntry>> WaitForOutboxAsync(BotApp app, Func<List<OutboxEntry>, bool> done, string what) =>
        Eventually.Until<List<OutboxEntry>>(async () =>
        {
            Wake(app);
            return await OutboxAsync(app);
        }, done, rows => what + ": " + string.Join("; ", rows.Select(r => $"{r.Id} {r.Kind} {r.Recipient} {r.State} {r.Attempts} {r.LastError}")));

    public static string CalendarOf(ReceivedMail mail) => mail.Parsed.Leaf("text/calendar").Text;

    public static string ToOf(ReceivedMail mail) => mail.Parsed.Header("To")!;
}
