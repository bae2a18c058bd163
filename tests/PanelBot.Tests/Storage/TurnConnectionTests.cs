using System.Data.Common;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Storage;

/// <summary>
/// On SQLite a turn opens the context's connection at most once, and only when it reads something: RSVP answers, whose
/// event and profile are in memory and whose writes go through the writer's own connection, open none.
/// </summary>
public sealed class TurnConnectionTests
{
    [Fact]
    public async Task RsvpAnswers_OpenNoPooledConnection_ATurnThatReadsOpensOne()
    {
        var opens = new Opens();
        await using var app = new BotApp
        {
            TestServices = services => services.AddSingleton<IInterceptor>(opens).AddSingleton<IStartupFilter>(new MarkRequests()),
        };
        var bot = app.Bot();
        var number = await Organiser.CreateWebinarAsync(bot, "olga", capacity: 1);
        await bot.InvokeAsync("bob", "rsvp", new() { ["event"] = number, ["answer"] = "going" });
        await bot.SayAsync("alice", "email alice@example.org", BotClient.Teams);
        await bot.InvokeAsync("alice", "rsvp", new() { ["event"] = number, ["answer"] = "going" });

        opens.Count = 0;
        foreach (var answer in new[] { "maybe", "going", "maybe", "going" })
        {
            Assert.Equal(200, (await bot.InvokeAsync("alice", "rsvp", new() { ["event"] = number, ["answer"] = answer })).HttpStatus);
        }

        Assert.Equal(0, opens.Count);

        // Listing her events (she is on the waitlist: her place is a query of its own) runs two queries in one turn, on one
        // opening of the connection.
        var listed = CardJson.TextOf(await bot.SayAsync("alice", "my events", BotClient.Teams));
        Assert.Contains($"#{number}", listed);
        Assert.Contains("waitlisted (number 1)", listed);
        Assert.Equal(1, opens.Count);
    }

    private static readonly AsyncLocal<bool> InRequest = new();

    /// <summary>Opens by requests only: the outbox, the Teams queue and the scheduler open their own in the background.</summary>
    private sealed class Opens : DbConnectionInterceptor
    {
        public int Count;

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Counted();

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Counted();
            return Task.CompletedTask;
        }

        private void Counted()
        {
            if (InRequest.Value)
            {
                Interlocked.Increment(ref Count);
            }
        }
    }

    private sealed class MarkRequests : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextMiddleware) =>
            {
                InRequest.Value = true;
                await nextMiddleware(context);
            });
            next(app);
        };
    }
}
