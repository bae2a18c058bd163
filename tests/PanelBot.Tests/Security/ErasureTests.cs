using System.Collections.Concurrent;
using System.Data.Common;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PanelBot.Features.Invitations;
using PanelBot.Mail;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Security;

/// <summary>
/// <c>forget me confirm</c>: the withdrawal goes out first, then the address and the name are gone from every table
/// (every text and blob column is searched) and from the pickup folder.
/// </summary>
public sealed class ErasureTests : IDisposable
{
    private const string Person = "zebedee";
    private const string Name = "Zebedee";
    private const string Address = "zeb.secret@example.org";
    private readonly string _pickup = Directory.CreateTempSubdirectory("panelbot-erasure-").FullName;
    private readonly ConcurrentQueue<(string To, string Mime)> _sent = new();

    public void Dispose() => Directory.Delete(_pickup, recursive: true);

    [Fact]
    public async Task ForgetMeConfirm_AfterTheWithdrawalIsSent_LeavesNoAddressOrNameAnywhere()
    {
        await using var app = new BotApp
        {
            Settings =
            {
                ["Mail:PickupDirectory"] = _pickup, ["Mail:DispatchIntervalSeconds"] = "0.1", ["Mail:UpdateMergeWindowSeconds"] = "0",
            },
            TestServices = services =>
            {
                services.RemoveAll<IMailTransport>();
                services.AddSingleton<IMailTransport>(new Recording(new PickupDirectoryTransport(_pickup), _sent));
            },
        };
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga");
        await bot.SayAsync(Person, $"email {Address}");
        await bot.SayAsync(Person, $"rsvp #{number} going");
        // A co-organiser too: the event keeps their name until they are forgotten.
        var added = await bot.SayAsync("olga", $"organiser #{number} add <at>{Name}</at>", customise: a => a["entities"] = new JsonArray(new JsonObject
        {
            ["type"] = "mention", ["text"] = $"<at>{Name}</at>", ["mentioned"] = new JsonObject { ["id"] = Person, ["name"] = Name },
        }));
        Assert.Contains("can now edit", CardJson.TextOf(added));
        Assert.Equal(Name, Assert.Single((await Organiser.EventAsync(app, number)).CoOrganisers).DisplayName);
        await bot.SayAsync("alice", $"rsvp #{number} going email alice@example.org");
        await WaitUntilAsync(() => _sent.Count(m => m.To == Address) == 1);
        Assert.Contains(Delivered(), f => File.ReadAllText(f).Contains(Address, StringComparison.OrdinalIgnoreCase));

        var reply = CardJson.TextOf(await bot.SayAsync(Person, "forget me confirm"));
        await WaitUntilAsync(() => _sent.Any(m => m.To == Address && m.Mime.Contains("method=CANCEL", StringComparison.OrdinalIgnoreCase)));
        await WaitUntilAsync(async () => !await app.DbAsync(db => db.OutboxMessages.AnyAsync(m => m.Recipient == Address)));

        Assert.Contains("withdrew 1 RSVP", reply);
        Assert.Empty(await FindInDatabaseAsync(app, Address, StringComparison.OrdinalIgnoreCase));
        Assert.Empty(await FindInDatabaseAsync(app, Name, StringComparison.Ordinal));
        Assert.DoesNotContain(Delivered(), f => File.ReadAllText(f).Contains(Address, StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(await FindInDatabaseAsync(app, "alice@example.org", StringComparison.OrdinalIgnoreCase));
        // Still a co-organiser (the other organisers decide that), under their key and without a name.
        Assert.Equal(("test:" + Person, ""), Assert.Single((await Organiser.EventAsync(app, number)).CoOrganisers) is var c ? (c.UserId, c.DisplayName) : default);
    }

    /// <summary>The messages the pickup folder holds, without one still being written (a hidden <c>.tmp</c> until it is complete).</summary>
    private IEnumerable<string> Delivered() => Directory.EnumerateFiles(_pickup, "*.eml");

    /// <summary>"table.column" for every value of every table that contains <paramref name="needle"/>.</summary>
    private static Task<List<string>> FindInDatabaseAsync(BotApp app, string needle, StringComparison comparison) => app.DbAsync(async db =>
    {
        var hits = new List<string>();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++)
                    if (Text(reader, i) is { } text && text.Contains(needle, comparison)) hits.Add($"{table}.{reader.GetName(i)}");
        }
        return hits;
    });

    private static string? Text(DbDataReader reader, int i) => reader.IsDBNull(i) ? null : reader.GetValue(i) switch
    {
        byte[] bytes => Encoding.UTF8.GetString(bytes),
        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };

    private static Task WaitUntilAsync(Func<bool> condition) => WaitUntilAsync(() => Task.FromResult(condition()));

    // Generous: the dispatcher polls every 0.1 s, but the machine may be busy with other test classes.
    private static Task WaitUntilAsync(Func<Task<bool>> condition) =>
        Eventually.Until(condition, "the erasure to complete", TimeSpan.FromSeconds(90));

    private sealed class Recording(IMailTransport inner, ConcurrentQueue<(string To, string Mime)> sent) : IMailTransport
    {
        public string Name => inner.Name;

        public async Task<MailSendResult> SendAsync(MailEnvelope envelope, CancellationToken cancellationToken = default)
        {
            var result = await inner.SendAsync(envelope, cancellationToken);
            foreach (var to in envelope.Recipients) sent.Enqueue((to.Address, Encoding.UTF8.GetString(envelope.Mime.Span)));
            return result;
        }
    }
}
