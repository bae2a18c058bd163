using System.Data;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using NodaTime;
using PanelBot.Storage;

namespace PanelBot.Features.Invitations;

/// <summary>
/// The dispatcher's per-message statements, hand-written so that each step is one round trip: a claim that also skips a
/// message a newer one replaced and returns what is to be sent, and a record that says whether the row is to be erased.
/// (SQLite 3.35+ and PostgreSQL both have <c>UPDATE ... RETURNING</c>.) Called inside <see cref="WriteGate"/>; on SQLite
/// they run on <see cref="SqliteWriter"/>, prepared once.
/// </summary>
internal static class OutboxRows
{
    private const string Pending = nameof(OutboxState.Pending);
    private const string Sending = nameof(OutboxState.Sending);

    /// <summary>
    /// Pending → Sending, unless a newer message with the same merge key is on its way (then Superseded). Returns the
    /// claimed row, or null when there is nothing to send (superseded, or another instance took it).
    /// </summary>
    public static async Task<OutboxEntry?> ClaimAsync(PanelBotDbContext db, SqliteWriter writer, long id, Instant now, CancellationToken ct) =>
        await ExecuteAsync(db, writer, command =>
        {
            command.Add("@id", id, DbType.Int64);
            command.Add("@now", now.ToDateTimeUtc(), null);
            command.CommandText =
                $"UPDATE outbox_messages SET state = '{nameof(OutboxState.Superseded)}' WHERE id = @id AND state = '{Pending}' AND merge_key IS NOT NULL " +
                $"AND EXISTS (SELECT 1 FROM outbox_messages n WHERE n.merge_key = outbox_messages.merge_key AND n.id > outbox_messages.id " +
                $"AND n.state <> '{nameof(OutboxState.Superseded)}');\n" +
                $"UPDATE outbox_messages SET state = '{Sending}', claimed_at = @now, attempts = attempts + 1 WHERE id = @id AND state = '{Pending}' " +
                "RETURNING id, event_id, kind, sender, recipient, message_id, mime, attempts, recipe";
        }, async reader =>
        {
            do
            {
                if (reader.FieldCount > 0 && await reader.ReadAsync(ct))
                {
                    return new OutboxEntry
                    {
                        Id = reader.GetInt64(0),
                        EventId = reader.IsDBNull(1) ? null : reader.GetInt64(1),
                        Kind = reader.GetString(2),
                        Sender = reader.GetString(3),
                        Recipient = reader.GetString(4),
                        MessageId = reader.GetString(5),
                        Mime = (byte[])reader.GetValue(6),
                        State = OutboxState.Sending,
                        Attempts = reader.GetInt32(7),
                        Recipe = reader.IsDBNull(8) ? null : reader.GetString(8),
                        ClaimedAt = now,
                    };
                }
            }
            while (await reader.NextResultAsync(ct));

            return null;
        }, ct);

    /// <summary>
    /// Records the outcome of a claimed send, and the bytes composed at this claim when it is to be tried again (a retry
    /// sends the same bytes); returns the Message-ID when the row is to be erased now (a forgotten person's mail). Mail
    /// sent or failed at its first try is not kept composed: nothing reads it again, it is personal data, and on SQLite
    /// a few kilobytes of MIME in the row cost more pages written than the rest of the record.
    /// </summary>
    public static async Task<string?> RecordAsync(PanelBotDbContext db, SqliteWriter writer, long id, OutboxState state, string? error, Instant now,
        Instant? nextAttempt, byte[]? composed, CancellationToken ct) =>
        await ExecuteAsync(db, writer, command =>
        {
            command.Add("@id", id, DbType.Int64);
            command.Add("@state", state.ToString(), DbType.String);
            command.Add("@error", error, DbType.String);
            var set = "state = @state, last_error = @error";
            if (state == OutboxState.Sent)
            {
                command.Add("@sent", now.ToDateTimeUtc(), null);
                set += ", sent_at = @sent";
            }

            if (nextAttempt is { } next)
            {
                command.Add("@next", next.ToDateTimeUtc(), null);
                set += ", next_attempt_at = @next";
            }

            if (composed is not null && state == OutboxState.Pending)
            {
                command.Add("@mime", composed, DbType.Binary);
                set += ", mime = @mime";
            }

            command.CommandText = $"UPDATE outbox_messages SET {set} WHERE id = @id AND state = '{Sending}' RETURNING erase_when_done, message_id";
        }, async reader => await reader.ReadAsync(ct) && reader.GetBoolean(0) ? reader.GetString(1) : null, ct);

    /// <summary>
    /// Runs <paramref name="work"/> (these statements) as one transaction: on SQLite on the writer, whose lock the caller
    /// holds through <see cref="WriteGate"/>; elsewhere on the context's connection, which the statements join, under
    /// the execution strategy (which may run <paramref name="work"/> again from the start).
    /// </summary>
    public static async Task InTransactionAsync(PanelBotDbContext db, SqliteWriter writer, Func<Task> work, CancellationToken ct)
    {
        if (!writer.IsUsed)
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                await work();
                await tx.CommitAsync(ct);
            });
            return;
        }

        await writer.InTransactionAsync(async () =>
        {
            await work();
            return true;
        }, ct);
    }

    private static async Task<T> ExecuteAsync<T>(PanelBotDbContext db, SqliteWriter writer, Action<DbCommand> build, Func<DbDataReader, Task<T>> read,
        CancellationToken ct)
    {
        if (writer.IsUsed)
        {
            var connection = await writer.ConnectionAsync(ct);
            await using var built = connection.CreateCommand();
            build(built);
            await using var reader = await writer.Prepared(built).ExecuteReaderAsync(ct);
            return await read(reader);
        }

        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            build(command);
            await using var reader = await command.ExecuteReaderAsync(ct);
            return await read(reader);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
