namespace Collaboration.Persistence;

/// <summary>Where grain state and reminders live (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>The database: <see cref="StorageProvider.Sqlite"/> (embedded default).</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>The ADO.NET connection string; the SQLite default is a file under <c>data/</c>.</summary>
    public string ConnectionString { get; set; } = "Data Source=data/collaboration.db";
}

public enum StorageProvider
{
    Sqlite,
}
