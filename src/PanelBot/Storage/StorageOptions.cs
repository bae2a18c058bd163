using System.ComponentModel.DataAnnotations;

namespace PanelBot.Storage;

public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Binds <c>Storage</c>; the connection string itself is <c>ConnectionStrings:PanelBot</c>.</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";
    public const string DefaultSqliteConnectionString = "Data Source=data/panelbot.db";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>Apply pending migrations when the app starts (on by default; turn off to migrate out of band).</summary>
    public bool MigrateOnStart { get; set; } = true;

    [Required(AllowEmptyStrings = false)]
    public string ConnectionString { get; set; } = DefaultSqliteConnectionString;

    /// <summary>Binds <c>Storage:Sqlite</c>: settings that apply only to SQLite.</summary>
    public SqliteSettings Sqlite { get; set; } = new();
}

/// <summary>
/// SQLite's <c>PRAGMA synchronous</c> (sqlite.org/pragma.html#pragma_synchronous) for a database in WAL mode, where
/// both levels keep the file consistent (sqlite.org/wal.html).
/// </summary>
public enum SqliteSynchronous
{
    /// <summary>
    /// No fsync per commit, only at checkpoints. A committed transaction survives the application crashing; a power
    /// loss or an operating-system crash may roll back the last commits, never corrupt the file.
    /// </summary>
    Normal,

    /// <summary>An fsync of the write-ahead log on every commit: committed transactions survive a power loss too.</summary>
    Full,
}

public sealed class SqliteSettings
{
    public SqliteSynchronous Synchronous { get; set; } = SqliteSynchronous.Normal;
}
