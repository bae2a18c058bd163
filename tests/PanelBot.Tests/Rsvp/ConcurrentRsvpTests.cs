using Microsoft.EntityFrameworkCore;
using PanelBot.Domain.Rsvp;
using PanelBot.Storage;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Rsvp;

/// <summary>50 people press "Going" at once for 10 seats.</summary>
public sealed class ConcurrentRsvpTests
{
    [Fact]
    public Task FiftyConcurrentGoing_TenSeatsOnSqlite_TenGoingAndFortyWaitlistedWithoutGaps() =>
        FiftyForTenAsync(StorageProvider.Sqlite);

    [PostgresFact]
    public Task FiftyConcurrentGoing_TenSeatsOnPostgreSql_TenGoingAndFortyWaitlistedWithoutGaps() =>
        FiftyForTenAsync(StorageProvider.PostgreSql);

    private static async Task FiftyForTenAsync(StorageProvider provider)
    {
        await using var app = await BotApp.StartAsync(provider);
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga", capacity: 10);
        var users = Enumerable.Range(1, 50).Select(i => $"user{i:00}").ToList();

        var answers = await Task.WhenAll(users.Select(user =>
            bot.InvokeAsync(user, "rsvp", new() { ["event"] = number, ["answer"] = "going" })));

        Assert.All(answers, a => Assert.Equal(200, a.HttpStatus));
        Assert.All(answers, a => Assert.Equal(CardJson.AdaptiveContentType, a.Type));
        var registrations = await app.DbAsync(db => db.Registrations.AsNoTracking().ToListAsync());
        Assert.Equal(50, registrations.Count);
        Assert.Equal(users.Select(u => BotClient.Teams + ":" + u).Order(), registrations.Select(r => r.UserId).Order());
        Assert.Equal(10, registrations.Count(r => r.State == RsvpState.Going));
        var waitlisted = registrations.Where(r => r.State == RsvpState.Waitlisted).ToList();
        Assert.Equal(40, waitlisted.Count);
        var places = WaitlistPlaces.Rank(registrations);
        Assert.Equal(Enumerable.Range(1, 40), waitlisted.Select(r => places.Of(r)!.Value).Order());
        Assert.Equal(40, waitlisted.Select(r => r.WaitlistTicket!.Value).Distinct().Count()); // a strict order: no ticket given twice
        Assert.All(registrations.Where(r => r.State == RsvpState.Going), r => Assert.Null(r.WaitlistTicket));

        // Each person was told what they got, and it matches what was stored.
        for (var i = 0; i < users.Count; i++)
        {
            var stored = registrations.Single(r => r.UserId == BotClient.Teams + ":" + users[i]);
            var expected = stored.State == RsvpState.Going ? "You're going." : $"You're on the waitlist (number {places.Of(stored)}).";
            Assert.Contains(expected, CardJson.TextBlocks(answers[i].Card));
        }
    }
}
