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
}
