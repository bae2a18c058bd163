using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;
using PanelBot.Domain.Rsvp;
using Microsoft.Extensions.DependencyInjection;
using PanelBot.Features.CalendarReplies;
using PanelBot.Features.Notifications;
using PanelBot.Tests.Support;
using static PanelBot.Tests.CalendarReplies.InboxDirectoryTests;
using static PanelBot.Tests.CalendarReplies.ReplyMails;
using static PanelBot.Tests.Invitations.MailApps;

namespace PanelBot.Tests.CalendarReplies;

/// <summary>The organiser mailbox on a real Dovecot over IMAP (MailKit, IDLE): each REPLY applied once, also across a restart.</summary>
public sealed class ImapInboxTests
{
    [DovecotFact]
    public async Task ReplyDeliveredToTheMailbox_ChangesTheRsvpOnce_AndIsNotReadAgainAfterARestart()
    {
        await using var dovecot = await Dovecot.StartAsync();
        var database = TestDatabase.Sqlite();
        var folder = Directory.CreateTempSubdirectory("imap-app-").FullName;
        BotApp App() => ImapApp(database, dovecot, folder);

        int number;
        string uid;
        await using (var first = App())
        {
            var bot = first.Bot();
            number = await Organiser.CreateWebinarAsync(bot, Olga);
            await bot.SayAsync(User(1), $"rsvp #{number} going email {Email(1)}");
            await bot.SayAsync(User(2), $"rsvp #{number} going email {Email(2)}");
            uid = await UidAsync(first, number);

            await DeliverAsync(dovecot, Reply(Client.Outlook, uid, Email(1), "DECLINED", From));
            await WaitForAsync(first, number, [RsvpState.No, RsvpState.Going]);

            await bot.SayAsync(User(1), $"rsvp #{number} going"); // changes their mind in chat
            Assert.Equal([RsvpState.Going, RsvpState.Going], await StatesAsync(first, number));
        }

        await using (var second = App())
        {
            // A later reply from someone else: once it is applied, the first one (older, same folder) was not read again.
            await DeliverAsync(dovecot, Reply(Client.Gmail, uid, Email(2), "TENTATIVE", From, name: "Bob Builder"));
            await WaitForAsync(second, number, [RsvpState.Going, RsvpState.Maybe]);

            // Both carry the keyword once the second is flagged (right after it is applied).
            await Eventually.Until(() => CountReadAsync(dovecot), read => read == 2, "both replies flagged read");
        }

        Directory.Delete(folder, recursive: true);
        await database.DisposeAsync();
    }

    [DovecotFact]
    public async Task ReplyArrivingWhileAnotherIsApplied_IsReadWithoutWaitingForAnotherMail()
    {
        await using var dovecot = await Dovecot.StartAsync();
        await using var database = TestDatabase.Sqlite();
        var folder = Directory.CreateTempSubdirectory("imap-app-").FullName;
        var meanwhile = new DeliverDuringNextChange(dovecot);
        await using (var app = ImapApp(database, dovecot, folder, services => services.AddSingleton<IEventObserver>(meanwhile)))
        {
            var bot = app.Bot();
            var number = await Organiser.CreateWebinarAsync(bot, Olga);
            await bot.SayAsync(User(1), $"rsvp #{number} going email {Email(1)}");
            await bot.SayAsync(User(2), $"rsvp #{number} going email {Email(2)}");
            var uid = await UidAsync(app, number);

            // The second reply lands while the first is being applied, before the reader flags the first and goes idle:
            // the server announces it in a response to the reader's own commands, and IDLE (RFC 2177) tells only of later
            // ones. Nothing else arrives after it, so it is read now or only when the reader's IDLE restarts (minutes).
            meanwhile.Next = Reply(Client.Gmail, uid, Email(2), "TENTATIVE", From, name: "Bob Builder");
            await DeliverAsync(dovecot, Reply(Client.Outlook, uid, Email(1), "DECLINED", From));

            await WaitForAsync(app, number, [RsvpState.No, RsvpState.Maybe]);
            Assert.True(meanwhile.Delivered);
        }

        Directory.Delete(folder, recursive: true);
    }

    private static BotApp ImapApp(TestDatabase database, Dovecot dovecot, string folder, Action<IServiceCollection>? services = null) => new(database)
    {
        Settings =
        {
            ["Mail:From"] = From,
            ["Mail:PickupDirectory"] = folder,
            ["Mail:Inbox:Transport"] = "Imap",
            ["Mail:Inbox:Imap:Host"] = "127.0.0.1",
            ["Mail:Inbox:Imap:Port"] = dovecot.Port.ToString(),
            ["Mail:Inbox:Imap:Security"] = "None",
            ["Mail:Inbox:Imap:UserName"] = Dovecot.User,
            ["Mail:Inbox:Imap:Password"] = Dovecot.Password,
        },
        TestServices = services,
    };

    /// <summary>Puts a mail in the mailbox once, after the next committed RSVP change (inside its apply).</summary>
    private sealed class DeliverDuringNextChange(Dovecot dovecot) : IEventObserver
    {
        private byte[]? next;

        public byte[]? Next { set => Volatile.Write(ref next, value); }

        public bool Delivered { get; private set; }

        public async Task AfterSaveAsync(EventChange change, CancellationToken ct)
        {
            if (change.Rsvp is not null && Interlocked.Exchange(ref next, null) is { } mail)
            {
                await DeliverAsync(dovecot, mail);
                Delivered = true;
            }
        }
    }

    private static async Task DeliverAsync(Dovecot dovecot, byte[] mail)
    {
        using var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", dovecot.Port, MailKit.Security.SecureSocketOptions.None);
        await client.AuthenticateAsync(Dovecot.User, Dovecot.Password);
        using var stream = new MemoryStream(mail);
        await client.Inbox.AppendAsync(new MailKit.AppendRequest(await MimeMessage.LoadAsync(stream)));
        await client.DisconnectAsync(true);
    }

    private static async Task<int> CountReadAsync(Dovecot dovecot)
    {
        using var client = new ImapClient();
        await client.ConnectAsync("127.0.0.1", dovecot.Port, MailKit.Security.SecureSocketOptions.None);
        await client.AuthenticateAsync(Dovecot.User, Dovecot.Password);
        await client.Inbox.OpenAsync(MailKit.FolderAccess.ReadOnly);
        var read = await client.Inbox.SearchAsync(SearchQuery.HasKeyword(ImapInboxReader.ReadKeyword));
        await client.DisconnectAsync(true);
        return read.Count;
    }

    private static Task WaitForAsync(BotApp app, int number, List<RsvpState> expected) =>
        Eventually.Until(() => StatesAsync(app, number), states => states.SequenceEqual(expected),
            states => $"RSVPs {string.Join(",", expected)}, still {string.Join(",", states)}; log: {string.Join(" | ", app.Logs.Entries)}");
}
