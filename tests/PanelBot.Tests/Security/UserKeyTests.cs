using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PanelBot.Features.Invitations;
using PanelBot.Features.People;
using PanelBot.Features.PrivateChats;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;
using PanelBot.Storage;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Security;

/// <summary>
/// People are keyed so that one Teams user is one person in every conversation (Entra object id and tenant), and
/// elsewhere by channel and account id; rows stored under the old account-id keys move to the person key.
/// </summary>
public sealed class UserKeyTests
{
    private const string TenantA = "aaaaaaaa-0000-0000-0000-00000000000a";
    private const string TenantB = "bbbbbbbb-0000-0000-0000-00000000000b";
    private const string OlgaOid = "0b0b0b0b-1111-2222-3333-444444444444";
    private const string BobOid = "0c0c0c0c-1111-2222-3333-444444444444";

    [Fact]
    public async Task SameTeamsUser_FromAChannelAndAPersonalChatWithAnotherAccountId_IsOneOrganiserAndOneRegistration()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = Organiser.NumberIn(await SayAsync(bot, "29:olga-personal", OlgaOid, TenantA, Create));

        await SayAsync(bot, "29:olga-in-channel", OlgaOid, TenantA, $"publish #{number}", shared: true);
        await SayAsync(bot, "29:bob-in-channel", BobOid, TenantA, $"rsvp #{number} going", shared: true);
        await SayAsync(bot, "29:bob-personal", BobOid, TenantA, $"rsvp #{number} no");

        var ev = await app.DbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Number == number));
        Assert.Equal(EventStatus.Published, ev.Status);
        Assert.Equal($"aad:{TenantA}:{OlgaOid}", ev.CreatorId);
        var registration = Assert.Single(await app.DbAsync(db => db.Registrations.AsNoTracking().ToListAsync()));
        Assert.Equal($"aad:{TenantA}:{BobOid}", registration.UserId);
        Assert.Equal(RsvpState.No, registration.State);
        // The private line addresses Bob by the account id he wrote from last.
        var line = await app.DbAsync(db => db.PrivateChats.AsNoTracking().SingleAsync(p => p.UserId == registration.UserId));
        Assert.Equal("29:bob-personal", line.MemberId);
    }

    [Fact]
    public async Task SameObjectIdInAnotherTenant_IsAnotherPerson()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = Organiser.NumberIn(await SayAsync(bot, "29:olga", OlgaOid, TenantA, Create));

        var stranger = await SayAsync(bot, "29:olga", OlgaOid, TenantB, $"publish #{number}");
        await SayAsync(bot, "29:olga", OlgaOid, TenantA, $"publish #{number}");
        await SayAsync(bot, "29:olga", OlgaOid, TenantA, $"rsvp #{number} going");
        await SayAsync(bot, "29:olga", OlgaOid, TenantB, $"rsvp #{number} maybe");

        Assert.DoesNotContain("is published", stranger);
        var people = await app.DbAsync(db => db.Registrations.AsNoTracking().OrderBy(r => r.UserId).Select(r => r.UserId).ToListAsync());
        Assert.Equal([$"aad:{TenantA}:{OlgaOid}", $"aad:{TenantB}:{OlgaOid}"], people);
    }

    [Fact]
    public async Task OutsideTeams_ThePersonIsChannelAndAccountId_AndAClaimedObjectIdIsNotTrusted()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = Organiser.NumberIn(await SayAsync(bot, "29:olga", OlgaOid, TenantA, Create));

        // Web Chat lets the client write its own "from": an object id there proves nothing.
        var forged = CardJson.TextOf(await bot.SayAsync("29:olga", $"publish #{number}", BotClient.WebChat, a => a["from"]!["aadObjectId"] = OlgaOid));
        await bot.SayAsync("alice", $"new webinar \"Alice's talk\" {Webinar.DateText} 15:00-16:30 Europe/Oslo", BotClient.WebChat);

        Assert.DoesNotContain("is published", forged);
        var creators = await app.DbAsync(db => db.Events.AsNoTracking().OrderBy(e => e.Number).Select(e => e.CreatorId).ToListAsync());
        Assert.Equal([$"aad:{TenantA}:{OlgaOid}", "webchat:alice"], creators);
    }

    [Fact]
    public async Task RowsUnderTheBareAccountId_MoveToThePersonKeyOnTheirFirstTeamsTurn_Once()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = Organiser.NumberIn(await SayAsync(bot, "29:olga", OlgaOid, TenantA, Create));
        await SayAsync(bot, "29:olga", OlgaOid, TenantA, $"publish #{number}");
        // As stored before person keys: Bob (never seen since) by his account id, as a registrant and co-organiser.
        await app.DbAsync(async db =>
        {
            var ev = await db.Events.SingleAsync(e => e.Number == number);
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"UPDATE events SET co_organisers = '[{{\"userId\":\"29:bob\",\"displayName\":\"Bob\"}}]' WHERE id = {ev.Id}");
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO registrations (event_id, user_id, user_name, state, answered_at, created_at) VALUES ({ev.Id}, '29:bob', 'Bob', 'Going', '2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z')");
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE events SET rsvp_going = rsvp_going + 1 WHERE id = {ev.Id}");
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"INSERT INTO user_profiles (user_id, name, email, updated_at) VALUES ('29:bob', 'Bob', 'bob@example.org', '2026-11-01T10:00:00+00:00')");
            return 0;
        });

        var asOrganiser = await SayAsync(bot, "29:bob", BobOid, TenantA, $"set #{number} capacity 40");
        await SayAsync(bot, "29:bob", BobOid, TenantA, $"rsvp #{number} maybe");
        await SayAsync(bot, "29:bob", BobOid, TenantA, "help");

        Assert.Contains("Updated the", asOrganiser);
        var bob = $"aad:{TenantA}:{BobOid}";
        var ev = await app.DbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Number == number));
        Assert.Equal(bob, Assert.Single(ev.CoOrganisers).UserId);
        var registration = Assert.Single(await app.DbAsync(db => db.Registrations.AsNoTracking().ToListAsync()));
        Assert.Equal((bob, RsvpState.Maybe), (registration.UserId, registration.State));
        var profile = Assert.Single(await app.DbAsync(db => db.UserProfiles.AsNoTracking().Where(p => p.Email != null).ToListAsync()));
        Assert.Equal((bob, "bob@example.org"), (profile.UserId, profile.Email));
    }

    [Fact]
    public async Task FeedLinkIssuedForTheBareAccountId_IsReadAsThePersonLastSeenWithIt()
    {
        await using var app = new BotApp();
        var bot = app.Bot();
        var number = Organiser.NumberIn(await SayAsync(bot, "29:olga", OlgaOid, TenantA, Create));
        await SayAsync(bot, "29:olga", OlgaOid, TenantA, $"set #{number} link https://zoom.us/j/61234567890");
        await SayAsync(bot, "29:olga", OlgaOid, TenantA, $"publish #{number}");
        string token;
        await using (var scope = app.Services.CreateAsyncScope())
            token = await scope.ServiceProvider.GetRequiredService<FeedTokens>().ForOrganiserAsync("29:olga", CancellationToken.None);

        var ics = await app.CreateClient().GetStringAsync($"/feeds/{token}.ics");

        Assert.Contains("Peace operations", ics);
    }

    [Fact]
    public async Task Migration_RekeysEveryoneWithAPrivateLine_FromStoredData() => await MigrationAsync(TestDatabase.Sqlite());

    [PostgresFact]
    public async Task Migration_RekeysEveryoneWithAPrivateLine_FromStoredData_OnPostgres() => await MigrationAsync(await TestDatabase.PostgresAsync());

    private static async Task MigrationAsync(TestDatabase database)
    {
        await using var _ = database;
        int number;
        await using (var before = new BotApp(database))
        {
            number = Organiser.NumberIn(await SayAsync(before.Bot(), "29:olga", OlgaOid, TenantA, Create));
            // Back to the schema and keys before the migration: everything under bare account ids.
            await before.DbAsync(async db =>
            {
                var id = await db.Events.Where(e => e.Number == number).Select(e => e.Id).SingleAsync();
                await db.Database.ExecuteSqlRawAsync("DELETE FROM private_chats");
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE private_chats DROP COLUMN member_id");
                await db.Database.ExecuteSqlRawAsync("DELETE FROM schema_migrations WHERE version LIKE '%i12_user_keys%'");
                await db.Database.ExecuteSqlInterpolatedAsync(
                    $"UPDATE events SET creator_id = '29:olga', co_organisers = '[{{\"userId\":\"29:bob\",\"displayName\":\"Bob\"}},{{\"userId\":\"carol\",\"displayName\":\"Carol\"}}]' WHERE id = {id}");
                foreach (var (user, channel, oid) in new[] { ("29:olga", "msteams", OlgaOid), ("29:bob", "msteams", BobOid), ("carol", "webchat", null) })
                {
                    await db.Database.ExecuteSqlInterpolatedAsync(
                        $"INSERT INTO private_chats (user_id, channel_id, service_url, tenant_id, aad_object_id, state, updated_at) VALUES ({user}, {channel}, 'https://smba.example/', {TenantA}, {oid}, 'unknown', {DateTimeOffset.UnixEpoch})");
                    await db.Database.ExecuteSqlInterpolatedAsync(
                        $"INSERT INTO registrations (event_id, user_id, user_name, state, answered_at, created_at) VALUES ({id}, {user}, 'X', 'Going', '2026-11-01T10:00:00Z', '2026-11-01T10:00:00Z')");
                    await db.Database.ExecuteSqlInterpolatedAsync(
                        $"INSERT INTO user_profiles (user_id, name, updated_at) VALUES ({user}, 'X', {DateTimeOffset.UnixEpoch})");
                }
                return 0;
            });
        }

        await using var after = new BotApp(database);
        var olga = $"aad:{TenantA}:{OlgaOid}";
        var bob = $"aad:{TenantA}:{BobOid}";
        var ev = await after.DbAsync(db => db.Events.AsNoTracking().SingleAsync(e => e.Number == number));
        Assert.Equal(olga, ev.CreatorId);
        Assert.Equal([bob, "webchat:carol"], ev.CoOrganisers.Select(o => o.UserId));
        Assert.Equal(["Bob", "Carol"], ev.CoOrganisers.Select(o => o.DisplayName));
        string[] everyone = [olga, bob, "webchat:carol"];
        Assert.Equal(everyone.Order(), await after.DbAsync(db => db.Registrations.AsNoTracking().Select(r => r.UserId).OrderBy(u => u).ToListAsync()));
        Assert.Equal(everyone.Order(), await after.DbAsync(db => db.UserProfiles.AsNoTracking().Select(r => r.UserId).OrderBy(u => u).ToListAsync()));
        var lines = await after.DbAsync(db => db.PrivateChats.AsNoTracking().OrderBy(p => p.UserId).ToListAsync());
        Assert.Equal(everyone.Order(), lines.Select(p => p.UserId));
        Assert.Equal(["29:olga", "29:bob", "carol"], everyone.Select(k => lines.Single(p => p.UserId == k).MemberId));

        // Olga, now under her person key, still runs her event from Teams.
        Assert.Contains("is published", await SayAsync(after.Bot(), "29:olga", OlgaOid, TenantA, $"publish #{number}"));
    }

    private static string Create => $"new webinar \"Peace operations\" {Webinar.DateText} 15:00-16:30 Europe/Oslo";

    /// <summary>A Teams message as Teams sends it: the account id, the Entra object id and the tenant.</summary>
    private static async Task<string> SayAsync(BotClient bot, string accountId, string objectId, string tenant, string text, bool shared = false) =>
        CardJson.TextOf(await bot.SayAsync(accountId, text, BotClient.Teams, a =>
        {
            a["from"]!["aadObjectId"] = objectId;
            a["from"]!["name"] = "Someone";
            a["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = tenant } };
            a["conversation"]!["tenantId"] = tenant;
            if (shared)
            {
                a["conversation"] = new JsonObject
                {
                    ["id"] = "19:general@thread.tacv2;messageid=1", ["conversationType"] = "channel", ["isGroup"] = true, ["tenantId"] = tenant,
                };
                a["channelData"]!["team"] = new JsonObject { ["id"] = "19:team@thread.tacv2" };
                a["channelData"]!["channel"] = new JsonObject { ["id"] = "19:general@thread.tacv2" };
            }
        }));
}
