using FsCheck;
using FsCheck.Fluent;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;

namespace PanelBot.Domain.Tests.Rsvp;

/// <summary>
/// The rules see only the facts of a change (the user's row, the counts, the front of the waitlist), yet must behave as
/// if they saw every registration. Random sequences of answers and withdrawals are run through the book and through a
/// plain model that keeps everyone in a list (one queue, first come first served); after every step both must agree on
/// each person's state, place in line (counted from the tickets) and promotions, waiting people keep their tickets, and
/// the counts must match a recount.
/// </summary>
public sealed class RsvpBookPropertyTests
{
    private sealed record Step(int User, RsvpAnswer? Answer); // null answer: withdraw ("forget me")

    private static readonly Gen<Step> Steps = Gen.Frequency(
        (8, Gen.Choose(0, 7).SelectMany(user => Gen.Elements(RsvpAnswer.Going, RsvpAnswer.Going, RsvpAnswer.Maybe, RsvpAnswer.No),
            (user, answer) => new Step(user, answer))),
        (1, Gen.Choose(0, 7).Select(user => new Step(user, null))));

    private static readonly Gen<(int Capacity, Step[] Steps)> Scripts =
        Gen.Choose(1, 4).SelectMany(_ => Steps.ArrayOf(), (capacity, steps) => (capacity, steps));

    [Fact]
    public void FactsOnly_BehavesLikeTheWholeList() =>
        Prop.ForAll(Scripts.ToArbitrary(), script => Run(script.Capacity, script.Steps))
            .Check(Config.QuickThrowOnFailure.WithMaxTest(300));

    private static void Run(int capacity, Step[] steps)
    {
        var clock = TestEvents.Clock();
        var ev = TestEvents.Published(clock, d => d with { Capacity = capacity });
        var book = new InMemoryRegistrations();
        var model = new Model(capacity);
        foreach (var step in steps)
        {
            clock.Advance(TimeSpan.FromMinutes(1));
            var user = $"29:u{step.User}";
            var waitingBefore = book.All.Where(r => r.State == RsvpState.Waitlisted).ToDictionary(r => r.UserId, r => r.WaitlistTicket);
            var result = step.Answer is { } answer
                ? book.Answer(ev, new RsvpRequest(user, $"u{step.User}", answer), clock)
                : book.Withdraw(ev, user, clock);
            var promoted = step.Answer is { } a ? model.Answer(user, a) : model.Withdraw(user);

            Assert.Equal(promoted is not null, result.IsSuccess);
            if (promoted is null) continue;
            var outcome = result.Value!;
            Assert.Equal(promoted, outcome.Promoted.Select(r => r.UserId));
            Assert.Equal(RsvpCounts.For(book.All, capacity), outcome.Counts);
            Assert.Equal(model.States.OrderBy(p => p.Key), book.All.Select(r => KeyValuePair.Create(r.UserId, r.State)).OrderBy(p => p.Key));
            Assert.Equal(model.Queue, book.All.Where(r => r.State == RsvpState.Waitlisted).OrderBy(r => r.WaitlistTicket).Select(r => r.UserId));
            var places = book.Places;
            Assert.Equal(Enumerable.Range(1, model.Queue.Count), model.Queue.Select(u => places.Of(book.All.Single(r => r.UserId == u))!.Value));
            Assert.Equal(outcome.Registration is { } mine ? places.Of(mine) : null, outcome.WaitlistPlace);
            // Waiting people keep their tickets: no change writes anyone else's row.
            Assert.All(waitingBefore.Where(p => book.All.Any(r => r.UserId == p.Key && r.State == RsvpState.Waitlisted)),
                p => Assert.Equal(p.Value, book.All.Single(r => r.UserId == p.Key).WaitlistTicket));
            Assert.True(outcome.Counts.Going <= capacity);
        }
    }

    /// <summary>Everyone in memory: the rules as the product describes them.</summary>
    private sealed class Model(int capacity)
    {
        public Dictionary<string, RsvpState> States { get; } = [];
        public List<string> Queue { get; } = [];

        private int Going => States.Values.Count(s => s == RsvpState.Going);

        public List<string> Answer(string user, RsvpAnswer answer)
        {
            RsvpState? previous = States.TryGetValue(user, out var state) ? state : null;
            var target = answer switch
            {
                RsvpAnswer.No => RsvpState.No,
                RsvpAnswer.Maybe => RsvpState.Maybe,
                _ when previous is RsvpState.Going or RsvpState.Waitlisted => previous.Value,
                _ => Going < capacity && Queue.Count == 0 ? RsvpState.Going : RsvpState.Waitlisted,
            };
            if (previous == RsvpState.Waitlisted && target != RsvpState.Waitlisted) Queue.Remove(user);
            if (target == RsvpState.Waitlisted && previous != RsvpState.Waitlisted) Queue.Add(user);
            States[user] = target;
            return previous == RsvpState.Going && target != RsvpState.Going ? Promote() : [];
        }

        public List<string>? Withdraw(string user)
        {
            if (!States.Remove(user, out var previous)) return null;
            Queue.Remove(user);
            return previous == RsvpState.Going ? Promote() : [];
        }

        private List<string> Promote()
        {
            var promoted = new List<string>();
            while (Going < capacity && Queue.Count > 0)
            {
                var next = Queue[0];
                Queue.RemoveAt(0);
                States[next] = RsvpState.Going;
                promoted.Add(next);
            }
            return promoted;
        }
    }
}
