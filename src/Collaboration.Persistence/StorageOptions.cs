namespace Collaboration.Persistence;

/// <summary>Where grain state and reminders live (configuration section <c>Storage</c>).</summary>
public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>
    /// The database: <see cref="StorageProvider.Sqlite"/> (embedded default, one silo) or
    /// <see cref="StorageProvider.PostgreSql"/> (a cluster of silos: membership, grain state and reminders).
    /// </summary>
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    /// <summary>
    /// The ADO.NET connection string; the SQLite default is a file under <c>data/</c>. For PostgreSQL, an Npgsql
    /// connection string such as <c>Host=db;Database=collaboration;Username=collaboration;Password=…</c>.
    /// </summary>
    public string ConnectionString { get; set; } = "Data Source=data/collaboration.db";
}

public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>The database cannot be reached or refused the schema: the server cannot run and says so in one line.</summary>
public sealed class StorageUnavailableException(string message, Exception inner) : Exception(message, inner);
