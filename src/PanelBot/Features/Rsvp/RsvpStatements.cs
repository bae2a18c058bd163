using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using NodaTime;
using PanelBot.Domain.Events;
using PanelBot.Domain.Rsvp;
using PanelBot.Storage;

namespace PanelBot.Features.Rsvp;

/// <summary>
/// An RSVP change as two hand-written commands on the transaction's connection, each one round trip: one reads the
/// counters and the last waitlist ticket (locking the event's row on PostgreSQL), the user's registration and place in
/// line and the head of the waitlist; the other writes the registrations the change touched and stores the counters.
/// A waiting registration's ticket never changes, so no other row is written however long the waitlist. No EF change
/// tracking: on PostgreSQL every round trip is time the event's row lock is held, and every answer queues behind it.
/// </summary>
/// <param name="prepared">
/// Where a built command runs instead of itself (<see cref="SqliteWriter.Prepared"/>: a command kept with its prepared
/// statements); null to run it as built.
/// </param>
internal sealed class RsvpStatements(DbConnection connection, DbTransaction? transaction, StorageProvider provider,
    Func<DbCommand, DbCommand>? prepared = null)
{
    /// <summary>
    /// Whether the statements carry the transaction themselves: the read starts it (<c>BEGIN</c>) and the write ends it
    /// (<c>COMMIT</c>), in the same round trips. The caller rolls back if anything fails in between.
    /// </summary>
    public bool CarryTransaction { get; init; }

    private const string CountColumns = "rsvp_going, rsvp_maybe, rsvp_no, rsvp_waitlisted, rsvp_awaiting_approval";

    private const string Columns =
        "id, event_id, user_id, user_name, email, state, waitlist_ticket, answered_at, waitlisted_at, conversation_id, created_at";

    /// <summary>The facts of a change, and the stored values of the registrations they hold (to write only what changed).</summary>
    public sealed record Loaded(RsvpFacts Facts, IReadOnlyDictionary<Registration, Stored> Before);

    public readonly record struct Stored(RsvpState State, int? WaitlistTicket, string UserName, string? Email, string? ConversationId,
        Instant AnsweredAt, Instant? WaitlistedAt)
    {
        public static Stored Of(Registration r) => new(r.State, r.WaitlistTicket, r.UserName, r.Email, r.ConversationId, r.AnsweredAt, r.WaitlistedAt);
    }

    public async Task<Loaded> ReadAsync(Event ev, string? userId, bool forUpdate, CancellationToken ct)
    {
        var postgres = provider == StorageProvider.PostgreSql;
        await using var command = Command();
        command.Add("@e", ev.Id, DbType.Int64);
        command.Add("@cap", ev.Capacity, DbType.Int32);
        var sql = new StringBuilder(CarryTransaction ? "BEGIN;\n" : "");
        sql.Append(
            $"SELECT {CountColumns}, rsvp_waitlist_tickets FROM events WHERE id = @e{(forUpdate && postgres ? " FOR UPDATE" : "")};\n");
        if (userId is not null)
        {
            command.Add("@u", userId, DbType.String);
            sql.Append($"SELECT {Columns} FROM registrations WHERE event_id = @e AND user_id = @u;\n");
            // The user's place in line, on the (event, ticket) index; nothing to count when they are not waiting.
            sql.Append("SELECT COUNT(*) FROM registrations WHERE event_id = @e AND waitlist_ticket < " +
                       "(SELECT waitlist_ticket FROM registrations WHERE event_id = @e AND user_id = @u);\n");
        }
        // RsvpBook.WaitlistHeadSize in SQL, so the head comes in the same round trip; checked against the domain below.
        var (least, greatest) = postgres ? ("LEAST", "GREATEST") : ("MIN", "MAX");
        sql.Append($"SELECT {Columns} FROM registrations WHERE event_id = @e AND waitlist_ticket IS NOT NULL ORDER BY waitlist_ticket " +
                   $"LIMIT (SELECT CASE WHEN rsvp_waitlisted <= 0 THEN 0 WHEN @cap IS NULL THEN rsvp_waitlisted " +
                   $"ELSE {least}(rsvp_waitlisted, {greatest}(0, @cap - rsvp_going) + 1) END FROM events WHERE id = @e)");
        command.CommandText = sql.ToString();

        RsvpCounts counts;
        int lastTicket;
        Registration? mine = null;
        int? place = null;
        var head = new List<Registration>();
        await using (var reader = await Run(command).ExecuteReaderAsync(ct))
        {
            var found = await reader.ReadAsync(ct);
            counts = found ? CountsAt(reader, ev) : NoCounts(ev);
            lastTicket = found ? Int(reader, 5) : 0;
            if (userId is not null)
            {
                await reader.NextResultAsync(ct);
                if (await reader.ReadAsync(ct))
                {
                    mine = Row(reader);
                }

                await reader.NextResultAsync(ct);
                if (await reader.ReadAsync(ct) && mine?.WaitlistTicket is not null)
                {
                    place = 1 + Int(reader, 0);
                }
            }
            await reader.NextResultAsync(ct);
            // The user's own row, when at the head, is the same object in both: the domain moves it once.
            while (await reader.ReadAsync(ct))
            {
                head.Add(mine is not null && reader.GetInt64(0) == mine.Id ? mine : Row(reader));
            }
        }

        var headSize = RsvpBook.WaitlistHeadSize(ev, counts);
        if (head.Count != headSize)
        {
            head = await HeadAsync(ev.Id, headSize, mine, ct);
        }

        var before = new Dictionary<Registration, Stored>(ReferenceEqualityComparer.Instance);
        foreach (var r in head)
        {
            before[r] = Stored.Of(r);
        }

        if (mine is not null)
        {
            before[mine] = Stored.Of(mine);
        }

        return new Loaded(new RsvpFacts(mine, counts, head, lastTicket, place), before);
    }

    /// <summary>
    /// Writes what the outcome says, in one command: the loaded registrations that changed, with their final values, then
    /// the counters and the last waitlist ticket, then what other features added to the change (and the commit, when the
    /// statements carry the transaction).
    /// </summary>
    public async Task WriteAsync(Event ev, Loaded loaded, RsvpOutcome outcome, IReadOnlyList<SqlWrite> alsoWrite, CancellationToken ct)
    {
        await using var command = Command();
        var sql = new StringBuilder();
        command.Add("@e", ev.Id, DbType.Int64);
        var n = 0;
        if (outcome.Removed is { } removed)
        {
            sql.Append($"DELETE FROM registrations WHERE id = {command.Add($"@d{n++}", removed.Id, DbType.Int64)};\n");
        }

        if (outcome.IsNew && outcome.Registration is { } added)
        {
            var i = n++;
            sql.Append("INSERT INTO registrations (event_id, user_id, user_name, email, state, waitlist_ticket, answered_at, waitlisted_at, conversation_id, created_at) " +
                       $"VALUES (@e, {command.Add($"@r{i}u", added.UserId, DbType.String)}, {Values(command, i, added)}, {command.Add($"@r{i}c", Utc(added.CreatedAt), null)});\n");
        }
        foreach (var (registration, stored) in loaded.Before)
        {
            if (ReferenceEquals(registration, outcome.Removed) || Stored.Of(registration) == stored)
            {
                continue;
            }

            var i = n++;
            sql.Append("UPDATE registrations SET (user_name, email, state, waitlist_ticket, answered_at, waitlisted_at, conversation_id) = " +
                       $"({Values(command, i, registration)}) WHERE id = {command.Add($"@r{i}id", registration.Id, DbType.Int64)};\n");
        }
        var after = outcome.Counts;
        if (after with { Capacity = loaded.Facts.Counts.Capacity } != loaded.Facts.Counts || outcome.LastWaitlistTicket != loaded.Facts.LastWaitlistTicket)
        {
            command.Add("@cg", after.Going, DbType.Int32);
            command.Add("@cm", after.Maybe, DbType.Int32);
            command.Add("@cn", after.No, DbType.Int32);
            command.Add("@cw", after.Waitlisted, DbType.Int32);
            command.Add("@ca", after.AwaitingApproval, DbType.Int32);
            command.Add("@ct", outcome.LastWaitlistTicket, DbType.Int32);
            sql.Append("UPDATE events SET rsvp_going = @cg, rsvp_maybe = @cm, rsvp_no = @cn, rsvp_waitlisted = @cw, rsvp_awaiting_approval = @ca, " +
                       "rsvp_waitlist_tickets = @ct WHERE id = @e;\n");
        }
        foreach (var write in alsoWrite)
        {
            var i = n++;
            var names = write.Values.Select((value, k) => (object)command.Add($"@x{i}_{k}", value, value switch
            {
                string => DbType.String,
                int => DbType.Int32,
                long => DbType.Int64,
                _ => null,
            })).ToArray();
            sql.Append(string.Format(CultureInfo.InvariantCulture, write.Sql, names)).Append(";\n");
        }
        if (CarryTransaction)
        {
            sql.Append("COMMIT;\n");
        }

        if (sql.Length == 0)
        {
            return;
        }

        command.CommandText = sql.ToString();
        await Run(command).ExecuteNonQueryAsync(ct);
    }

    /// <summary>The counters on the event row, without a lock (for showing them).</summary>
    public async Task<RsvpCounts> CountsAsync(Event ev, CancellationToken ct)
    {
        await using var command = Command();
        command.Add("@e", ev.Id, DbType.Int64);
        command.CommandText = $"SELECT {CountColumns} FROM events WHERE id = @e";
        await using var reader = await Run(command).ExecuteReaderAsync(ct);
        return await CountsOf(reader, ev, ct);
    }

    private static async Task<RsvpCounts> CountsOf(DbDataReader reader, Event ev, CancellationToken ct) =>
        await reader.ReadAsync(ct) ? CountsAt(reader, ev) : NoCounts(ev);

    private static RsvpCounts CountsAt(DbDataReader reader, Event ev) =>
        new(Int(reader, 0), Int(reader, 1), Int(reader, 2), Int(reader, 3), Int(reader, 4), ev.Capacity);

    private static RsvpCounts NoCounts(Event ev) => new(0, 0, 0, 0, 0, ev.Capacity);

    /// <summary>The head by the domain's own size; only when the single round trip's bound disagreed with it.</summary>
    private async Task<List<Registration>> HeadAsync(long eventId, int size, Registration? mine, CancellationToken ct)
    {
        var head = new List<Registration>(size);
        if (size <= 0)
        {
            return head;
        }

        await using var command = Command();
        command.Add("@e", eventId, DbType.Int64);
        command.Add("@n", size, DbType.Int32);
        command.CommandText = $"SELECT {Columns} FROM registrations WHERE event_id = @e AND waitlist_ticket IS NOT NULL ORDER BY waitlist_ticket LIMIT @n";
        await using var reader = await Run(command).ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            head.Add(mine is not null && reader.GetInt64(0) == mine.Id ? mine : Row(reader));
        }

        return head;
    }

    /// <summary>The columns an answer may change, in the order of the UPDATE's column list.</summary>
    private static string Values(DbCommand command, int i, Registration r) => string.Join(", ",
        command.Add($"@r{i}n", r.UserName, DbType.String),
        command.Add($"@r{i}m", r.Email, DbType.String),
        command.Add($"@r{i}s", r.State.ToString(), DbType.String),
        command.Add($"@r{i}p", r.WaitlistTicket, DbType.Int32),
        command.Add($"@r{i}a", Utc(r.AnsweredAt), null),
        command.Add($"@r{i}w", r.WaitlistedAt is { } w ? Utc(w) : null, null),
        command.Add($"@r{i}k", r.ConversationId, DbType.String));

    private DbCommand Run(DbCommand built) => prepared?.Invoke(built) ?? built;

    private DbCommand Command()
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        return command;
    }

    // As EF Core's Instant conversion stores them (NodaConverters.Instant): UTC DateTime.
    private static DateTime Utc(Instant instant) => instant.ToDateTimeUtc();

    private static Instant Instant(DbDataReader reader, int ordinal) =>
        NodaTime.Instant.FromDateTimeUtc(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));

    private static Registration Row(DbDataReader r) => Registration.Restore(
        id: r.GetInt64(0),
        eventId: r.GetInt64(1),
        userId: r.GetString(2),
        userName: r.GetString(3),
        email: r.IsDBNull(4) ? null : r.GetString(4),
        state: Enum.Parse<RsvpState>(r.GetString(5)),
        waitlistTicket: r.IsDBNull(6) ? null : Int(r, 6),
        answeredAt: Instant(r, 7),
        waitlistedAt: r.IsDBNull(8) ? null : Instant(r, 8),
        conversationId: r.IsDBNull(9) ? null : r.GetString(9),
        createdAt: Instant(r, 10));

    private static int Int(DbDataReader reader, int ordinal) => Convert.ToInt32(reader.GetValue(ordinal), CultureInfo.InvariantCulture);
}
