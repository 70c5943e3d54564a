using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Orleans.Runtime;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Collaboration.Persistence;

/// <summary>
/// Grain state in SQLite, the embedded profile. Rows are those of Orleans' ADO.NET grain storage (table
/// <c>OrleansStorage</c>, the same key columns, hashes, binary payload and version), so a database either
/// provider wrote reads the same in the other.
/// <para>
/// What differs is the write path (group commit). One writer thread takes every write waiting for it, runs
/// them in one transaction and commits them with one sync; each write is acknowledged only after that commit.
/// A queue of twenty meetings appending notes therefore costs one sync, not twenty turns of the write lock.
/// A write whose version is stale changes nothing and fails alone; a write the database refuses is retried
/// alone, so it cannot take the others down with it. If the commit fails, every write in it fails.
/// </para>
/// Reads go to their own connections: in WAL mode they see the last commit without waiting for the writer.
/// </summary>
public sealed partial class SqliteGrainStorage : IGrainStorage, ILifecycleParticipant<ISiloLifecycle>
{
    /// <summary>The most writes committed together; more waiting ones go in the next transaction.</summary>
    public const int MaxWritesPerCommit = 256;

    /// <summary>The meter of the writer's figures: writes per commit, commit time, a write's wait for its commit.</summary>
    public const string MeterName = "Collaboration.Storage";

    private static readonly Meter Meter = new(MeterName);
    private static readonly Histogram<int> WritesPerCommit = Meter.CreateHistogram<int>(
        "collaboration.storage.writes_per_commit", "{write}", "Grain state writes committed in one SQLite transaction");
    private static readonly Histogram<double> CommitDuration = Meter.CreateHistogram<double>(
        "collaboration.storage.commit.duration", "s", "One group commit: the write lock, the writes and the synced commit");
    private static readonly Histogram<double> WriteDuration = Meter.CreateHistogram<double>(
        "collaboration.storage.write.duration", "s", "A grain state write from its call to its acknowledgement: the queue and its commit");

    private readonly string _name;
    private readonly string _serviceId;
    private readonly SqliteDataSource _dataSource;
    private readonly IGrainStorageSerializer _serializer;
    private readonly IActivatorProvider _activators;
    private readonly ILogger _logger;
    private readonly OrleansDefaultHasher _hasher = new();
    // Synchronous continuations: a write wakes the waiting writer thread directly, not through the thread
    // pool, which is busy sending notes to viewers exactly when writes queue up.
    private readonly Channel<PendingWrite> _queue = Channel.CreateUnbounded<PendingWrite>(new() { SingleReader = true, AllowSynchronousContinuations = true });
    private Thread? _writer;

    public SqliteGrainStorage(string name, string serviceId, SqliteDataSource dataSource, IGrainStorageSerializer serializer, IActivatorProvider activators, ILogger<SqliteGrainStorage> logger)
    {
        _name = name;
        _serviceId = serviceId;
        _dataSource = dataSource;
        _serializer = serializer;
        _activators = activators;
        _logger = logger;
    }

    public void Participate(ISiloLifecycle lifecycle) =>
        // Started before any grain can activate; stopped after the last one has written its state.
        lifecycle.Subscribe($"{nameof(SqliteGrainStorage)}-{_name}", ServiceLifecycleStage.RuntimeStorageServices, Start, StopAsync);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var key = new StorageKey(stateName, grainId, _serviceId, _hasher);
        byte[]? payload = null;
        long? version = null;
        await using (var connection = new SqliteConnection(_dataSource.ConnectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Statements.Read;
            key.AddTo(command);
            using var reader = command.ExecuteReader();
            if (reader.Read())
            {
                payload = reader.IsDBNull(0) ? null : (byte[])reader.GetValue(0);
                version = reader.GetInt64(1);
            }
        }
        grainState.State = payload is null ? NewState<T>() : _serializer.Deserialize<T>(new BinaryData(payload));
        grainState.ETag = version?.ToString(CultureInfo.InvariantCulture);
        // A cleared row keeps its version (a later write names it) but holds no state.
        grainState.RecordExists = payload is not null;
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var payload = _serializer.Serialize(grainState.State).ToArray();
        var version = await EnqueueAsync(new PendingWrite(WriteKind.Write, new StorageKey(stateName, grainId, _serviceId, _hasher), VersionOf(grainState.ETag), payload));
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        // A clear names the version it read. Clearing a state read as missing succeeds while it is still
        // missing (it names no version after), and is a conflict once another activation has written it.
        var version = await EnqueueAsync(new PendingWrite(WriteKind.Clear, new StorageKey(stateName, grainId, _serviceId, _hasher), VersionOf(grainState.ETag), null));
        grainState.ETag = grainState.ETag is null ? null : version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = false;
        grainState.State = NewState<T>();
    }

    private T NewState<T>() => _activators.GetActivator<T>().Create();

    private static long? VersionOf(string? etag) =>
        string.IsNullOrEmpty(etag) ? null : long.Parse(etag, CultureInfo.InvariantCulture);

    private async Task<long> EnqueueAsync(PendingWrite write)
    {
        var started = Stopwatch.GetTimestamp();
        if (!_queue.Writer.TryWrite(write))
            throw new StorageUnavailableException($"Grain storage '{_name}' is stopped: the write was not made.", new ObjectDisposedException(nameof(SqliteGrainStorage)));
        var version = await write.Done.Task;
        WriteDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, new KeyValuePair<string, object?>("storage", _name));
        if (version is null)
            throw new InconsistentStateException(
                $"Version conflict ({write.Kind}): ProviderName={_name} StateName={write.Key.StateName} GrainId={write.Key.GrainId} ETag={write.ExpectedVersion?.ToString(CultureInfo.InvariantCulture) ?? "none"}.");
        return version.Value;
    }

    private Task Start(CancellationToken cancellationToken)
    {
        _writer = new Thread(WriteLoop) { IsBackground = true, Name = $"SQLite writer ({_name})" };
        _writer.Start();
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        // Writes already queued are still committed; later ones are refused.
        _queue.Writer.TryComplete();
        if (_writer is { } writer)
            await Task.Run(writer.Join, CancellationToken.None).WaitAsync(cancellationToken);
    }

    private void WriteLoop()
    {
        var batch = new List<PendingWrite>(MaxWritesPerCommit);
        while (_queue.Reader.WaitToReadAsync().AsTask().GetAwaiter().GetResult())
        {
            while (batch.Count < MaxWritesPerCommit && _queue.Reader.TryRead(out var write))
                batch.Add(write);
            try
            {
                Commit(batch);
            }
            catch (Exception e)
            {
                // The batch as a whole failed: each write on its own, so only what the database refuses fails.
                LogBatchFailed(e, batch.Count);
                foreach (var write in batch)
                {
                    try
                    {
                        Commit([write]);
                    }
                    catch (Exception alone)
                    {
                        write.Done.TrySetException(alone);
                    }
                }
            }
            batch.Clear();
        }
    }

    /// <summary>Runs the writes in one transaction and, once it is committed, tells each its outcome.</summary>
    private void Commit(IReadOnlyList<PendingWrite> batch)
    {
        var started = Stopwatch.GetTimestamp();
        var outcomes = new long?[batch.Count];
        using (var connection = _dataSource.OpenConnection())
        {
            using var transaction = ((SqliteConnection)connection).BeginTransaction(deferred: false);
            for (var i = 0; i < batch.Count; i++)
                outcomes[i] = Run((SqliteConnection)connection, transaction, batch[i]);
            transaction.Commit();
        }
        var storage = new KeyValuePair<string, object?>("storage", _name);
        CommitDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, storage);
        WritesPerCommit.Record(batch.Count, storage);
        for (var i = 0; i < batch.Count; i++)
            batch[i].Done.TrySetResult(outcomes[i]);
    }

    /// <summary>The row's new version, or null when the version the write names is not the stored one.</summary>
    private static long? Run(SqliteConnection connection, SqliteTransaction transaction, PendingWrite write)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = write.Kind switch
        {
            WriteKind.Write when write.ExpectedVersion is null => Statements.Insert,
            WriteKind.Clear when write.ExpectedVersion is null => Statements.ClearMissing,
            // A clear is an update to no payload: the row and its version sequence stay, so a stale writer still conflicts.
            _ => Statements.Update,
        };
        write.Key.AddTo(command);
        command.Parameters.AddWithValue("@Version", (object?)write.ExpectedVersion ?? DBNull.Value);
        command.Parameters.AddWithValue("@Payload", (object?)write.Payload ?? DBNull.Value);
        return command.ExecuteScalar() is long version ? version : null;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "A group commit of {Count} grain state writes failed; each is retried alone")]
    private partial void LogBatchFailed(Exception exception, int count);

    private enum WriteKind
    {
        Write,
        Clear,
    }

    private sealed record PendingWrite(WriteKind Kind, StorageKey Key, long? ExpectedVersion, byte[]? Payload)
    {
        /// <summary>The new version once committed; null on a version conflict.</summary>
        public TaskCompletionSource<long?> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>
    /// A row's key as Orleans' ADO.NET grain storage writes it: the state name and its hash, the grain key as
    /// two numbers and a string with its hash, and the service id.
    /// </summary>
    private sealed class StorageKey
    {
        public StorageKey(string stateName, GrainId grainId, string serviceId, OrleansDefaultHasher hasher)
        {
            StateName = stateName;
            GrainId = grainId;
            ServiceId = serviceId;
            byte[] hashBytes;
            if (grainId.TryGetGuidKey(out var guid, out var extension))
            {
                var bytes = guid.ToByteArray();
                N0 = BitConverter.ToInt64(bytes, 0);
                N1 = BitConverter.ToInt64(bytes, 8);
                Extension = extension;
                hashBytes = bytes;
            }
            else if (grainId.TryGetIntegerKey(out var integer, out extension))
            {
                N1 = integer;
                Extension = extension;
                hashBytes = BitConverter.GetBytes(integer);
            }
            else
            {
                Extension = grainId.Key.ToString();
                hashBytes = [];
            }
            if (Extension is not null)
                hashBytes = [.. hashBytes, .. Encoding.UTF8.GetBytes(Extension)];
            if (BitConverter.IsLittleEndian)
                Array.Reverse(hashBytes);
            GrainIdHash = hasher.Hash(hashBytes);
            StateNameHash = hasher.Hash(Encoding.UTF8.GetBytes(stateName));
        }

        public string StateName { get; }
        public GrainId GrainId { get; }
        public string ServiceId { get; }
        public long N0 { get; }
        public long N1 { get; }
        public string? Extension { get; }
        public int GrainIdHash { get; }
        public int StateNameHash { get; }

        public void AddTo(SqliteCommand command)
        {
            command.Parameters.AddWithValue("@ServiceId", ServiceId);
            command.Parameters.AddWithValue("@GrainTypeHash", StateNameHash);
            command.Parameters.AddWithValue("@GrainTypeString", StateName);
            command.Parameters.AddWithValue("@GrainIdHash", GrainIdHash);
            command.Parameters.AddWithValue("@GrainIdN0", N0);
            command.Parameters.AddWithValue("@GrainIdN1", N1);
            command.Parameters.AddWithValue("@GrainIdExtensionString", (object?)Extension ?? DBNull.Value);
        }
    }

    /// <summary>The statements, on the table and unique index of <c>0001_orleans_grain_storage.sql</c>.</summary>
    private static class Statements
    {
        private const string Row = """
            ServiceId = @ServiceId
              AND GrainTypeHash = @GrainTypeHash AND GrainTypeString = @GrainTypeString
              AND GrainIdHash = @GrainIdHash AND GrainIdN0 = @GrainIdN0 AND GrainIdN1 = @GrainIdN1
              AND IFNULL(GrainIdExtensionString, '') = IFNULL(@GrainIdExtensionString, '')
            """;

        private const string Now = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')";

        public const string Read = $"SELECT PayloadBinary, Version FROM OrleansStorage WHERE {Row};";

        /// <summary>A first write: refused (no row back) when the grain already has a row.</summary>
        public const string Insert = $"""
            INSERT INTO OrleansStorage
                (ServiceId, GrainTypeHash, GrainTypeString, GrainIdHash, GrainIdN0, GrainIdN1, GrainIdExtensionString,
                 PayloadBinary, Version, ModifiedOn)
            VALUES (@ServiceId, @GrainTypeHash, @GrainTypeString, @GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainIdExtensionString,
                    @Payload, 1, {Now})
            ON CONFLICT DO NOTHING
            RETURNING Version;
            """;

        public const string Update = $"""
            UPDATE OrleansStorage SET PayloadBinary = @Payload, Version = Version + 1, ModifiedOn = {Now}
            WHERE {Row} AND Version = @Version
            RETURNING Version;
            """;

        /// <summary>Clearing a state read as missing: nothing to do while no row exists, a conflict once one does.</summary>
        public const string ClearMissing = $"SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM OrleansStorage WHERE {Row});";
    }
}
