using MailKit.Net.Imap;
using MailKit.Search;
using MimeKit;
using PanelBot.Domain.Rsvp;
using PanelBot.Features.CalendarReplies;
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
        BotApp App() => new(database)
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
        };

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
