using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Collaboration.Persistence;

/// <summary>
/// Applies the project's schema scripts (embedded under <c>Scripts/&lt;provider&gt;/NNNN_name.sql</c>) in order,
/// each once, recording applied versions in <c>CollaborationSchema</c>. Safe to run at every start and from
/// several processes at once: each script runs in a transaction that holds the database's write lock on
/// SQLite, or a transaction-scoped advisory lock on PostgreSQL.
/// </summary>
public sealed partial class SchemaMigrator(StorageOptions options, ILogger<SchemaMigrator> logger)
{
    /// <summary>The advisory lock key that serialises migrators on PostgreSQL ("collab" in ASCII).</summary>
    private const long AdvisoryLockKey = 0x636F6C6C6162;

    /// <summary>The scripts of a provider, ordered by version.</summary>
    public static IReadOnlyList<SchemaScript> ScriptsFor(StorageProvider provider)
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var prefix = $"{assembly.GetName().Name}.Scripts.{provider}.";
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Select(n => SchemaScript.Load(assembly, n, n[prefix.Length..^4]))
            .OrderBy(s => s.Version)];
    }

    /// <summary>Brings the database up to the newest script; returns the versions it applied now.</summary>
    public async Task<IReadOnlyList<int>> MigrateAsync(CancellationToken cancellationToken = default)
    {
        var applied = new List<int>();
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var script in ScriptsFor(options.Provider))
        {
            await using var transaction = await BeginWriteAsync(connection, cancellationToken);
            await ExecuteAsync(connection, transaction, """
                CREATE TABLE IF NOT EXISTS CollaborationSchema
                (
                    Version   INTEGER NOT NULL PRIMARY KEY,
                    Name      TEXT    NOT NULL,
                    AppliedOn TEXT    NOT NULL
                );
                """, cancellationToken);
            await using var check = connection.CreateCommand();
            check.Transaction = transaction;
            check.CommandText = "SELECT COUNT(*) FROM CollaborationSchema WHERE Version = @version";
            AddParameter(check, "version", script.Version);
            if (Convert.ToInt64(await check.ExecuteScalarAsync(cancellationToken)) > 0)
                continue;

            await ExecuteAsync(connection, transaction, script.Text, cancellationToken);
            await using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO CollaborationSchema (Version, Name, AppliedOn) VALUES (@version, @name, @on)";
            AddParameter(record, "version", script.Version);
            AddParameter(record, "name", script.Name);
            AddParameter(record, "on", DateTimeOffset.UtcNow.ToString("O"));
            await record.ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            applied.Add(script.Version);
            LogApplied(logger, script.Version, script.Name);
        }
        return applied;
    }

    /// <summary>Migrates, and answers in one sentence why the database cannot be used, or null when it can.</summary>
    public async Task<string?> TryMigrateAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await MigrateAsync(cancellationToken);
            return null;
        }
        catch (Exception e) when (e is DbException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException or ArgumentException or IOException)
        {
            var reason = (e.InnerException is System.Net.Sockets.SocketException socket ? socket.Message : e.Message).ReplaceLineEndings(" ");
            return $"the {options.Provider} database cannot be used ({reason}). Check Storage:ConnectionString and that the database is up.";
        }
    }

    /// <summary>Answers whether the database takes a query now (the readiness probe).</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM CollaborationSchema";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) > 0;
    }

    private async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (options.Provider == StorageProvider.PostgreSql)
        {
            var postgres = new NpgsqlConnection(options.ConnectionString);
            await postgres.OpenAsync(cancellationToken);
            return postgres;
        }
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        if (builder.Mode is not SqliteOpenMode.Memory && !string.IsNullOrEmpty(builder.DataSource))
        {
            var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
            if (!string.IsNullOrEmpty(directory))
                Directory.CreateDirectory(directory);
        }
        var connection = new SqliteConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        // WAL lets readers run beside the writer; FULL makes every commit durable before it is acknowledged.
        await ExecuteAsync(connection, null,
            $"PRAGMA busy_timeout = {SqliteDataSource.BusyTimeoutMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;", cancellationToken);
        return connection;
    }

    private static async Task<DbTransaction> BeginWriteAsync(DbConnection connection, CancellationToken cancellationToken)
    {
        if (connection is SqliteConnection sqlite)
        {
            cancellationToken.ThrowIfCancellationRequested();
            // Not deferred (BEGIN IMMEDIATE): the write lock is taken up front, so two starting processes apply a script once.
            return sqlite.BeginTransaction(deferred: false);
        }
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({AdvisoryLockKey})", cancellationToken);
        return transaction;
    }

    private static void AddParameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction? transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema script {Version} ({Name})")]
    private static partial void LogApplied(ILogger logger, int version, string name);
}

/// <summary>One versioned schema script.</summary>
public sealed record SchemaScript(int Version, string Name, string Text)
{
    internal static SchemaScript Load(Assembly assembly, string resource, string fileName)
    {
        var separator = fileName.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || !int.TryParse(fileName[..separator], out var version))
            throw new InvalidOperationException($"Schema script '{resource}' must be named NNNN_name.sql.");
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new SchemaScript(version, fileName[(separator + 1)..], reader.ReadToEnd());
    }
}
