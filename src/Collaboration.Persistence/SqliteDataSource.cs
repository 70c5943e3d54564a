using System.Data;
using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Collaboration.Persistence;

/// <summary>
/// SQLite connections for Orleans' ADO.NET providers, each set up as it opens: SQLite itself waits for the
/// write lock (busy_timeout) instead of Microsoft.Data.Sqlite's retry loop, which sleeps 150 ms at a time
/// and made concurrent writers stall; and every commit is synced before it is acknowledged.
/// </summary>
public sealed class SqliteDataSource(string connectionString) : DbDataSource
{
    /// <summary>How long a writer waits for another's transaction before it fails.</summary>
    public const int BusyTimeoutMilliseconds = 10_000;

    public override string ConnectionString { get; } = connectionString;

    protected override DbConnection CreateDbConnection()
    {
        var connection = new SqliteConnection(ConnectionString);
        connection.StateChange += OnStateChange;
        return connection;
    }

    private static void OnStateChange(object sender, StateChangeEventArgs e)
    {
        if (e.CurrentState != ConnectionState.Open || e.OriginalState == ConnectionState.Open)
            return;
        using var command = ((SqliteConnection)sender).CreateCommand();
        command.CommandText = $"PRAGMA busy_timeout = {BusyTimeoutMilliseconds}; PRAGMA synchronous = FULL;";
        command.ExecuteNonQuery();
    }
}
