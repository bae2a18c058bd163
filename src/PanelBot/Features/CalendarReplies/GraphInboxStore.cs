using Microsoft.EntityFrameworkCore;
using PanelBot.Storage;

namespace PanelBot.Features.CalendarReplies;

/// <summary>
/// What the Graph inbox reader must not forget across a restart: where its delta synchronisation stands (the last
/// nextLink or deltaLink, <c>graph_inbox_sync</c>) and every message it has handled (<c>graph_inbox_messages</c>), so
/// a message seen again (a resumed page, a full synchronisation after 410 Gone) is not applied twice.
/// </summary>
public sealed class GraphInboxStore(IServiceScopeFactory scopes, WriteGate writes, TimeProvider clock)
{
    public async Task<Uri?> LinkAsync(string mailbox, CancellationToken ct)
    {
        var link = await QueryAsync(db => db.Database
            .SqlQuery<string>($"SELECT link AS \"Value\" FROM graph_inbox_sync WHERE mailbox = {Key(mailbox)}")
            .SingleOrDefaultAsync(ct));
        return link is null ? null : new Uri(link);
    }

    public Task SaveLinkAsync(string mailbox, Uri link, CancellationToken ct) => WriteAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
        $"INSERT INTO graph_inbox_sync (mailbox, link, updated_at) VALUES ({Key(mailbox)}, {link.AbsoluteUri}, {Now()}) ON CONFLICT (mailbox) DO UPDATE SET link = excluded.link, updated_at = excluded.updated_at", ct), ct);

    /// <summary>Forgets the position (after 410 Gone): the next round synchronises from the start; handled messages stay handled.</summary>
    public Task ResetAsync(string mailbox, CancellationToken ct) => WriteAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
        $"DELETE FROM graph_inbox_sync WHERE mailbox = {Key(mailbox)}", ct), ct);

    public async Task<bool> WasHandledAsync(string mailbox, string messageId, CancellationToken ct) =>
        await QueryAsync(db => db.Database
            .SqlQuery<long>($"SELECT COUNT(*) AS \"Value\" FROM graph_inbox_messages WHERE mailbox = {Key(mailbox)} AND message_id = {messageId}")
            .SingleAsync(ct)) > 0;

    /// <summary>Records the message as handled; the first outcome recorded stays.</summary>
    public Task RecordAsync(string mailbox, string messageId, ReplyOutcome outcome, CancellationToken ct) => WriteAsync(db => db.Database.ExecuteSqlInterpolatedAsync(
        $"INSERT INTO graph_inbox_messages (mailbox, message_id, outcome, handled_at) VALUES ({Key(mailbox)}, {messageId}, {outcome.ToString()}, {Now()}) ON CONFLICT (mailbox, message_id) DO NOTHING", ct), ct);

    private static string Key(string mailbox) => mailbox.Trim().ToLowerInvariant();

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private async Task<T> QueryAsync<T>(Func<PanelBotDbContext, Task<T>> query)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<PanelBotDbContext>());
    }

    private async Task WriteAsync(Func<PanelBotDbContext, Task<int>> write, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        using var gate = await writes.EnterAsync(ct);
        await write(scope.ServiceProvider.GetRequiredService<PanelBotDbContext>());
    }
}
