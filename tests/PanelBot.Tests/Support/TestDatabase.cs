using Microsoft.Data.Sqlite;
using Npgsql;
using PanelBot.Storage;

namespace PanelBot.Tests.Support;

/// <summary>Where a <see cref="BotApp"/> keeps its data; several apps may share one database (a restart).</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract StorageProvider Provider { get; }
    public abstract string ConnectionString { get; }

    public static TestDatabase Sqlite() => new SqliteTestDatabase();

    public static Task<TestDatabase> PostgresAsync() => PostgresTestDatabase.CreateAsync();

    public abstract ValueTask DisposeAsync();
}

/// <summary>A fresh SQLite file in a temporary folder, deleted afterwards.</summary>
public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _folder = Directory.CreateTempSubdirectory("panelbot-test-").FullName;

    public string FilePath => Path.Combine(_folder, "panelbot.db");
    public override StorageProvider Provider => StorageProvider.Sqlite;
    public override string ConnectionString => $"Data Source={FilePath}";

    public override ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A pooled handle may still be closing; the temp folder is cleaned by the OS eventually.
        }
        return ValueTask.CompletedTask;
    }
}

/// <summary>A database of its own on the test PostgreSQL server, dropped afterwards.</summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _server;
    private readonly string _name;

    private PostgresTestDatabase(string server, string name)
    {
        _server = server;
        _name = name;
    }

    public override StorageProvider Provider => StorageProvider.PostgreSql;

    public override string ConnectionString =>
        new NpgsqlConnectionStringBuilder(_server) { Database = _name, MaxPoolSize = 100 }.ConnectionString;

    public static async Task<TestDatabase> CreateAsync()
    {
        var server = PostgresFactAttribute.ConnectionString;
        var name = "panelbot_test_" + Guid.NewGuid().ToString("N")[..12];
        await ExecuteAsync(server, $"CREATE DATABASE {name}");
        return new PostgresTestDatabase(server, name);
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExecuteAsync(_server, $"DROP DATABASE IF EXISTS {_name} WITH (FORCE)");
    }

    private static async Task ExecuteAsync(string server, string sql)
    {
        // CREATE/DROP DATABASE cannot run on a pooled connection that sits in the target database.
        var admin = new NpgsqlConnectionStringBuilder(server) { Pooling = false }.ConnectionString;
        await using var connection = new NpgsqlConnection(admin);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
