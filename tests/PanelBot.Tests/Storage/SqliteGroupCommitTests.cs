using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using PanelBot.Storage;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Storage;

/// <summary>
/// Writes that queue for the SQLite writer together are committed together, each in order and seeing the ones before it;
/// one that fails or is refused takes nothing of the others with it, and one cancelled while it waits never runs.
/// </summary>
public sealed class SqliteGroupCommitTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = (SqliteTestDatabase)TestDatabase.Sqlite();
    private readonly WriteGate _gate = new(Options.Create(new StorageOptions()));
    private SqliteWriter _writer = null!;
    private SqliteGroupCommit _groups = null!;

    public async Task InitializeAsync()
    {
        _writer = new SqliteWriter(Options.Create(new StorageOptions { ConnectionString = _database.ConnectionString }), _gate);
        _groups = new SqliteGroupCommit(_writer, _gate);
        using (await _gate.EnterAsync(CancellationToken.None))
        {
            await _writer.ExecuteAsync("PRAGMA journal_mode = WAL", CancellationToken.None);
            await _writer.ExecuteAsync("CREATE TABLE seats (n INTEGER PRIMARY KEY, seen_before INTEGER NOT NULL, committed_before INTEGER NOT NULL)",
                CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        await _writer.DisposeAsync();
        _gate.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task WritesThatWaitTogether_CommitTogether_InTheirOrder()
    {
        var answers = await QueuedWhileTheGateIsHeldAsync([.. Enumerable.Range(1, 10).Select(n => Insert(n))]);

        await Task.WhenAll(answers);
        var rows = await RowsAsync();
        Assert.Equal(Enumerable.Range(1, 10), rows.Select(r => r.N));
        Assert.Equal(Enumerable.Range(0, 10), rows.Select(r => r.SeenBefore)); // each saw the ones before it
        Assert.All(rows, r => Assert.Equal(0, r.CommittedBefore)); // and none of them was committed yet: one transaction
    }

    [Fact]
    public async Task AGroupHasABound_TheRestCommitInTheNext()
    {
        var answers = await QueuedWhileTheGateIsHeldAsync([.. Enumerable.Range(1, 40).Select(n => Insert(n))]);

        await Task.WhenAll(answers);
        var rows = await RowsAsync();
        Assert.Equal(40, rows.Count);
        Assert.Equal([0, 32], rows.Select(r => r.CommittedBefore).Distinct().Order());
    }

    [Fact]
    public async Task OneThatThrowsOrIsRefused_LosesOnlyItself()
    {
        var answers = await QueuedWhileTheGateIsHeldAsync(
            [Insert(1), Insert(2, then: () => throw new InvalidOperationException("no seat map")), Insert(3, keep: false), Insert(4)]);

        await answers[0];
        Assert.Equal("no seat map", (await Assert.ThrowsAsync<InvalidOperationException>(() => answers[1])).Message);
        await answers[2];
        await answers[3];
        Assert.Equal([1, 4], (await RowsAsync()).Select(r => r.N));
    }

    [Fact]
    public async Task OneCancelledWhileItWaits_NeverRuns()
    {
        using var cancel = new CancellationTokenSource();
        var ran = false;
        var answers = await QueuedWhileTheGateIsHeldAsync([Insert(1), Insert(2, then: () => ran = true, ct: cancel.Token), Insert(3)],
            whileHeld: cancel.Cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => answers[1]);
        await Task.WhenAll(answers[0], answers[2]);
        Assert.False(ran);
        Assert.Equal([1, 3], (await RowsAsync()).Select(r => r.N));
    }

    /// <summary>
    /// Starts the writes while something else holds the gate, so that they all wait, then lets them go. Each is queued
    /// before its first await, so they queue in the order given.
    /// </summary>
    private async Task<Task[]> QueuedWhileTheGateIsHeldAsync(Func<Task>[] writes, Action? whileHeld = null)
    {
        Task[] answers;
        using (await _gate.EnterAsync(CancellationToken.None))
        {
            answers = writes.Select(write => write()).ToArray();
            whileHeld?.Invoke();
        }

        return answers;
    }

    private Func<Task> Insert(int n, bool keep = true, Action? then = null, CancellationToken ct = default) => () =>
        _groups.InTransactionAsync(async () =>
        {
            var connection = await _writer.ConnectionAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO seats VALUES (@n, (SELECT count(*) FROM seats), @committed)";
            command.Parameters.AddWithValue("@n", n);
            command.Parameters.AddWithValue("@committed", await CommittedCountAsync());
            await command.ExecuteNonQueryAsync(ct);
            then?.Invoke();
            return keep;
        }, ct);

    /// <summary>What another connection sees: only what is committed.</summary>
    private async Task<long> CommittedCountAsync()
    {
        await using var reader = new SqliteConnection(_database.ConnectionString);
        await reader.OpenAsync();
        await using var command = reader.CreateCommand();
        command.CommandText = "SELECT count(*) FROM seats";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<List<(int N, int SeenBefore, int CommittedBefore)>> RowsAsync()
    {
        await using var reader = new SqliteConnection(_database.ConnectionString);
        await reader.OpenAsync();
        await using var command = reader.CreateCommand();
        command.CommandText = "SELECT n, seen_before, committed_before FROM seats ORDER BY n";
        var rows = new List<(int, int, int)>();
        await using var results = await command.ExecuteReaderAsync();
        while (await results.ReadAsync())
        {
            rows.Add((results.GetInt32(0), results.GetInt32(1), results.GetInt32(2)));
        }

        return rows;
    }
}
