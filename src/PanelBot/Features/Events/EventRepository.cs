using Microsoft.EntityFrameworkCore;
using NodaTime;
using NodaTime.Extensions;
using PanelBot.Domain;
using PanelBot.Domain.Events;
using PanelBot.Storage;

namespace PanelBot.Features.Events;

/// <summary>Loads and saves events; numbers are allocated here because they are unique across the database.</summary>
public sealed class EventRepository(PanelBotDbContext db, ReadCache<int, Event> readCache, TimeProvider clock)
{
    /// <summary>Finds an event by "#12", "12" or its slug.</summary>
    public Task<Event?> FindAsync(string reference, CancellationToken ct) => FindAsync(reference, tracked: true, ct);

    public Task<Event?> FindAsync(int number, CancellationToken ct) => ByNumber.For(db)(db, number, ct);

    /// <summary>
    /// The event for a turn that reads it and does not change it (an RSVP answer): not tracked, so the unit of work's
    /// <c>SaveChanges</c> has none of its speakers, run of show and readings to compare; by number from
    /// <see cref="ReadCache{TKey, TEntity}"/>, so the instance may be shared with other turns and must not be changed.
    /// </summary>
    public Task<Event?> FindForReadingAsync(string reference, CancellationToken ct) => FindAsync(reference, tracked: false, ct);

    public Task<Event?> FindForReadingAsync(int number, CancellationToken ct) =>
        readCache.GetAsync(number, () => ForReadingByNumber.For(db)(db, number, ct));

    private async Task<Event?> FindAsync(string reference, bool tracked, CancellationToken ct)
    {
        var text = reference.Trim().TrimStart('#');
        if (int.TryParse(text, out var number))
        {
            return await (tracked ? FindAsync(number, ct) : FindForReadingAsync(number, ct));
        }

        var slug = text.ToLowerInvariant();
        var events = tracked ? db.Events : db.Events.AsNoTracking();
        return await events.Where(e => e.Slug == slug).OrderByDescending(e => e.Number).FirstOrDefaultAsync(ct);
    }

    // Every click looks its event up by number: compiled once rather than translated per call.
    private static readonly CompiledQuery<Func<PanelBotDbContext, int, CancellationToken, Task<Event?>>> ByNumber = new(() =>
        EF.CompileAsyncQuery((PanelBotDbContext db, int number, CancellationToken ct) => db.Events.SingleOrDefault(e => e.Number == number)));

    private static readonly CompiledQuery<Func<PanelBotDbContext, int, CancellationToken, Task<Event?>>> ForReadingByNumber = new(() =>
        EF.CompileAsyncQuery((PanelBotDbContext db, int number, CancellationToken ct) =>
            db.Events.AsNoTracking().SingleOrDefault(e => e.Number == number)));

    public async Task<int> NextNumberAsync(CancellationToken ct) =>
        (await db.Events.Select(e => (int?)e.Number).MaxAsync(ct) ?? 0) + 1;

    /// <summary>Creates an event with the next free number, retrying when another turn took the same number.</summary>
    public async Task<DomainResult<Event>> CreateAsync(EventDetails details, string creatorId, CancellationToken ct)
    {
        DomainResult<Event>? created = null;
        await AddAllAsync(number =>
        {
            created = Event.Create(number, details, creatorId, clock);
            return created.IsSuccess ? [created.Value!] : [];
        }, ct);
        return created!;
    }

    /// <summary>Adds several new events under consecutive free numbers (the factory receives the first number).</summary>
    public async Task<IReadOnlyList<Event>> AddAllAsync(Func<int, IReadOnlyList<Event>> create, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var batch = create(await NextNumberAsync(ct));
            db.Events.AddRange(batch);
            try
            {
                await db.SaveChangesAsync(ct);
                return batch;
            }
            catch (DbUpdateException) when (attempt < 5)
            {
                foreach (var ev in batch)
                {
                    db.Entry(ev).State = EntityState.Detached;
                }
            }
        }
    }

    /// <summary>Upcoming and recent events the user can see, soonest first.</summary>
    public async Task<IReadOnlyList<Event>> ListAsync(string userId, CancellationToken ct)
    {
        var since = clock.GetCurrentInstant().Minus(Duration.FromDays(1));
        var events = await db.Events.Where(e => e.EndsAt >= since).ToListAsync(ct);
        return events
            .Where(e => e.Status == EventStatus.Published || e.CanEdit(userId))
            .OrderBy(e => e.StartsAt)
            .Take(25)
            .ToList();
    }

    public Task SaveAsync(CancellationToken ct) => db.SaveChangesAsync(ct);

    /// <summary>
    /// After a save lost to a concurrent one: drops this unit of work (the stale event and whatever observers added to
    /// it) and reads the event as it is now, tracked, to make the change again.
    /// </summary>
    public async Task<Event?> ReadAgainAsync(Event stale, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await FindAsync(stale.Number, ct);
    }

    public async Task AddPostingAsync(Event ev, string channelId, string conversationId, string activityId, CancellationToken ct)
    {
        db.EventPostings.Add(new EventPosting
        {
            EventId = ev.Id,
            ChannelId = channelId,
            ConversationId = conversationId,
            ActivityId = activityId,
            PostedAt = clock.GetUtcNow(),
        });
        await db.SaveChangesAsync(ct);
    }

    public async Task<IReadOnlyList<EventPosting>> PostingsAsync(Event ev, CancellationToken ct) =>
        await db.EventPostings.AsNoTracking().Where(p => p.EventId == ev.Id).ToListAsync(ct);
}
