using System.Data;
using Microsoft.Extensions.Options;
using PanelBot.Storage;
using PanelBot.Tests.Support;

namespace PanelBot.Tests.Storage;

/// <summary>The SQLite writer keeps one command per SQL text, prepared once, and is only for whoever holds the write gate.</summary>
public sealed class SqliteWriterTests
{
    [Fact]
    public async Task TheSameText_RunsOnTheSameCommand_WithEachCallsValues()
    {
        await using var database = (SqliteTestDatabase)TestDatabase.Sqlite();
        using var gate = new WriteGate(Options.Create(new StorageOptions()));
        await using var writer = Writer(database, gate);
        using var held = await gate.EnterAsync(CancellationToken.None);
        var connection = await writer.ConnectionAsync(CancellationToken.None);

        var commands = new List<System.Data.Common.DbCommand>();
        var values = new List<object?>();
        foreach (var value in new[] { "first", "second" })
        {
            await using var built = connection.CreateCommand();
            built.CommandText = "SELECT @v";
            built.Add("@v", value, DbType.String);
            var command = writer.Prepared(built);
            commands.Add(command);
            values.Add(await command.ExecuteScalarAsync());
        }

        Assert.Same(commands[0], commands[1]);
        Assert.Equal(["first", "second"], values);
        Assert.Single(commands[1].Parameters);
    }

    [Fact]
    public async Task OutsideTheWriteGate_IsRefused()
    {
        await using var database = (SqliteTestDatabase)TestDatabase.Sqlite();
        using var gate = new WriteGate(Options.Create(new StorageOptions()));
        await using var writer = Writer(database, gate);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => writer.ConnectionAsync(CancellationToken.None));
        Assert.Contains("write gate", refused.Message);
    }

    [Fact]
    public async Task ItsConnection_EnforcesForeignKeys_TheConfiguredSynchronousLevel_AndKeepsTemporariesInMemory()
    {
        await using var database = (SqliteTestDatabase)TestDatabase.Sqlite();
        using var gate = new WriteGate(Options.Create(new StorageOptions()));
        await using var writer = Writer(database, gate, SqliteSynchronous.Full);
        using var held = await gate.EnterAsync(CancellationToken.None);
        var connection = await writer.ConnectionAsync(CancellationToken.None);

        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA foreign_keys";
        Assert.Equal(1L, await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(2L, await command.ExecuteScalarAsync()); // FULL (sqlite.org/pragma.html#pragma_synchronous)
        command.CommandText = "PRAGMA temp_store";
        Assert.Equal(2L, await command.ExecuteScalarAsync()); // MEMORY: a group commit's savepoints never spill to a file
    }

    private static SqliteWriter Writer(SqliteTestDatabase database, WriteGate gate, SqliteSynchronous synchronous = SqliteSynchronous.Normal) =>
        new(Options.Create(new StorageOptions { ConnectionString = database.ConnectionString, Sqlite = { Synchronous = synchronous } }), gate);
}
