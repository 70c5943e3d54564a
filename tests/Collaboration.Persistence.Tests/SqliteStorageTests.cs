using Collaboration.Persistence;
using Collaboration.Tests;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.Runtime;
using Orleans.Storage;

namespace Collaboration.Persistence.Tests;

/// <summary>
/// The storage conformance suite on SQLite, the embedded profile (the project's grain storage with group
/// commit), and what only SQLite promises: rows the same as Orleans' ADO.NET provider's, writes committed together.
/// </summary>
public sealed class SqliteStorageTests : StorageConformanceTests
{
    protected override Task<StorageOptions> OptionsAsync() =>
        Task.FromResult(new StorageOptions { ConnectionString = $"Data Source={Folder.Combine("data", "collaboration.db")}" });

    [Fact]
    public async Task Rows_read_and_written_the_same_as_by_Orleans_ADO_NET_provider()
    {
        // Databases written before the project's own SQLite storage keep working, and the reverse.
        const string adoNet = "adonet";
        await RestartAsync(silo => silo
            .AddAdoNetGrainStorage(adoNet, o =>
            {
                o.Invariant = SiloBuilderExtensions.SqliteInvariant;
                o.ConnectionString = Options.ConnectionString;
            })
            .Services.AddOptions<Orleans.Configuration.AdoNetGrainStorageOptions>(adoNet)
                .Configure<Orleans.Serialization.Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer)));
        var theirs = Host.Services.GetRequiredKeyedService<IGrainStorage>(adoNet);
        foreach (var grain in (GrainId[])[NewGrain(), GrainId.Create("text-key", "mtm/2026-valletta"), GrainId.Create(GrainType.Create("integer-key"), GrainIdKeyExtensions.CreateIntegerKey(7, "ext"))])
        {
            var written = new GrainState<Sample>(new Sample { Text = "Rabat, 2006", Count = 1 });
            await theirs.WriteStateAsync("sample", grain, written);

            var read = new GrainState<Sample>();
            await Storage.ReadStateAsync("sample", grain, read);
            Assert.Equal(("Rabat, 2006", written.ETag, true), (read.State!.Text, read.ETag, read.RecordExists));

            read.State.Text = "Tripoli, 2007";
            await Storage.WriteStateAsync("sample", grain, read);
            var back = new GrainState<Sample>();
            await theirs.ReadStateAsync("sample", grain, back);
            Assert.Equal(("Tripoli, 2007", read.ETag), (back.State!.Text, back.ETag));
            await Assert.ThrowsAsync<InconsistentStateException>(() => theirs.WriteStateAsync("sample", grain, written));
        }
    }

    [Fact]
    public async Task Writes_waiting_for_the_writer_are_committed_together()
    {
        var commits = new List<int>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SqliteGrainStorage.MeterName)
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<int>((_, count, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "storage" && Equals(tag.Value, StorageName))
                {
                    lock (commits)
                        commits.Add(count);
                }
            }
        });
        listener.Start();
        var grains = Enumerable.Range(0, 50).Select(_ => NewGrain()).ToList();

        Task[] writes;
        // Another writer of this process holds the database: every write queues behind it.
        using (Host.Services.GetRequiredService<SqliteDataSource>().OpenConnection())
            writes = [.. grains.Select((g, i) => Storage.WriteStateAsync("sample", g, new GrainState<Sample>(new Sample { Count = i })))];
        await Task.WhenAll(writes);

        // The writer may have taken the first write before it found the database held; the rest went together.
        Assert.Equal(50, commits.Sum());
        Assert.InRange(commits.Count, 1, 2);
        foreach (var (grain, i) in grains.Select((g, i) => (g, i)))
        {
            var read = new GrainState<Sample>();
            await Storage.ReadStateAsync("sample", grain, read);
            Assert.Equal(i, read.State!.Count);
        }
    }
}

/// <summary>The same suite on PostgreSQL, the cluster profile, against a private instance on 127.0.0.1.</summary>
public sealed class PostgreSqlStorageTests : StorageConformanceTests
{
    protected override async Task<StorageOptions> OptionsAsync() => new()
    {
        Provider = StorageProvider.PostgreSql,
        ConnectionString = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync("conformance"),
    };
}

/// <summary>
/// The storage conformance suite: Orleans' own ADO.NET grain storage and reminder table, driven through
/// their Orleans interfaces against the project's schema scripts, the same on every database.
/// </summary>
public abstract class StorageConformanceTests : IAsyncLifetime
{
    protected const string StorageName = "conformance";
    private IHost? _host;
    private StorageOptions? _options;

    protected TemporaryFolder Folder { get; } = new();

    protected abstract Task<StorageOptions> OptionsAsync();

    protected StorageOptions Options => _options!;

    protected IHost Host => _host!;

    protected IGrainStorage Storage => _host!.Services.GetRequiredKeyedService<IGrainStorage>(StorageName);

    private IReminderTable Reminders => _host!.Services.GetRequiredService<IReminderTable>();

    public async ValueTask InitializeAsync()
    {
        _options = await OptionsAsync();
        _host = await StartSiloAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(_host);
        Folder.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Stops the silo and starts another on the same database, with more configured.</summary>
    protected async Task RestartAsync(Action<ISiloBuilder>? configure = null)
    {
        await StopAsync(_host);
        _host = await StartSiloAsync(configure);
    }

    private async Task<IHost> StartSiloAsync(Action<ISiloBuilder>? configure = null)
    {
        var host = Microsoft.Extensions.Hosting.Host.CreateDefaultBuilder()
            .UseOrleans(silo =>
            {
                silo.UseLocalhostClustering(FreePorts.Next(), FreePorts.Next())
                    .AddCollaborationStorage(Options, StorageName);
                configure?.Invoke(silo);
            })
            .Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }

    private static async Task StopAsync(IHost? host)
    {
        if (host is null)
            return;
        await host.StopAsync();
        host.Dispose();
    }

    protected static GrainId NewGrain(string type = "conformance-grain") => GrainId.Create(type, Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task A_written_state_reads_back_with_its_etag()
    {
        var grain = NewGrain();
        var written = new GrainState<Sample>(new Sample { Text = "Valletta, 2003", Count = 3 });

        await Storage.WriteStateAsync("sample", grain, written);
        var read = new GrainState<Sample>();
        await Storage.ReadStateAsync("sample", grain, read);

        Assert.True(read.RecordExists);
        Assert.Equal("Valletta, 2003", read.State!.Text);
        Assert.Equal(3, read.State!.Count);
        Assert.Equal(written.ETag, read.ETag);
    }

    [Fact]
    public async Task A_state_never_written_reads_as_missing()
    {
        var read = new GrainState<Sample>();
        await Storage.ReadStateAsync("sample", NewGrain(), read);

        Assert.False(read.RecordExists);
        Assert.Null(read.ETag);
    }

    [Fact]
    public async Task States_of_other_names_with_the_same_key_do_not_mix()
    {
        // The provider keys a row by state name and grain key (not grain type): this is why every grain
        // class names its state differently.
        var key = Guid.NewGuid().ToString("N");
        await Storage.WriteStateAsync("state-a", GrainId.Create("type-a", key), new GrainState<Sample>(new Sample { Text = "a" }));
        await Storage.WriteStateAsync("state-b", GrainId.Create("type-b", key), new GrainState<Sample>(new Sample { Text = "b" }));

        var read = new GrainState<Sample>();
        await Storage.ReadStateAsync("state-a", GrainId.Create("type-a", key), read);
        Assert.Equal("a", read.State!.Text);
    }

    [Fact]
    public async Task A_write_with_a_stale_etag_is_refused_and_keeps_the_newer_state()
    {
        var grain = NewGrain();
        var first = new GrainState<Sample>(new Sample { Text = "first" });
        await Storage.WriteStateAsync("sample", grain, first);
        var stale = new GrainState<Sample>(new Sample { Text = "stale" }) { ETag = first.ETag, RecordExists = true };
        first.State!.Text = "second";
        await Storage.WriteStateAsync("sample", grain, first);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.WriteStateAsync("sample", grain, stale));

        var read = new GrainState<Sample>();
        await Storage.ReadStateAsync("sample", grain, read);
        Assert.Equal("second", read.State!.Text);
    }

    [Fact]
    public async Task A_first_write_over_an_existing_record_is_refused()
    {
        var grain = NewGrain();
        await Storage.WriteStateAsync("sample", grain, new GrainState<Sample>(new Sample { Text = "there" }));

        await Assert.ThrowsAsync<InconsistentStateException>(() =>
            Storage.WriteStateAsync("sample", grain, new GrainState<Sample>(new Sample { Text = "blind" })));
    }

    [Fact]
    public async Task Clearing_removes_the_state_and_a_later_write_starts_again()
    {
        var grain = NewGrain();
        var state = new GrainState<Sample>(new Sample { Text = "to clear" });
        await Storage.WriteStateAsync("sample", grain, state);

        await Storage.ClearStateAsync("sample", grain, state);
        var read = new GrainState<Sample>();
        await Storage.ReadStateAsync("sample", grain, read);
        Assert.False(read.RecordExists);

        read.State = new Sample { Text = "again" };
        await Storage.WriteStateAsync("sample", grain, read);
        var again = new GrainState<Sample>();
        await Storage.ReadStateAsync("sample", grain, again);
        Assert.Equal("again", again.State!.Text);
    }

    [Fact]
    public async Task Clearing_with_a_stale_etag_is_refused()
    {
        var grain = NewGrain();
        var state = new GrainState<Sample>(new Sample { Text = "kept" });
        await Storage.WriteStateAsync("sample", grain, state);
        var stale = new GrainState<Sample>(state.State) { ETag = state.ETag, RecordExists = true };
        await Storage.WriteStateAsync("sample", grain, state);

        await Assert.ThrowsAsync<InconsistentStateException>(() => Storage.ClearStateAsync("sample", grain, stale));
    }

    [Fact]
    public async Task State_survives_a_restart_of_the_silo()
    {
        var grain = NewGrain();
        await Storage.WriteStateAsync("sample", grain, new GrainState<Sample>(new Sample { Text = "durable" }));

        await RestartAsync();

        var read = new GrainState<Sample>();
        await Storage.ReadStateAsync("sample", grain, read);
        Assert.Equal("durable", read.State!.Text);
    }

    [Fact]
    public async Task Clearing_a_state_never_written_leaves_it_missing()
    {
        var grain = NewGrain();
        await Storage.ClearStateAsync("sample", grain, new GrainState<Sample>());

        var read = new GrainState<Sample>();
        await Storage.ReadStateAsync("sample", grain, read);
        Assert.False(read.RecordExists);
        await Storage.WriteStateAsync("sample", grain, new GrainState<Sample>(new Sample { Text = "first" }));
    }

    [Fact]
    public async Task Concurrent_writes_each_get_their_own_outcome_and_survive_a_restart()
    {
        // Many grains write at once; a stale write among them fails alone and changes nothing.
        var grains = Enumerable.Range(0, 40).Select(_ => NewGrain()).ToList();
        var states = grains.Select((_, i) => new GrainState<Sample>(new Sample { Text = "first", Count = i })).ToList();
        await Task.WhenAll(grains.Select((g, i) => Storage.WriteStateAsync("sample", g, states[i])));
        var stale = new GrainState<Sample>(new Sample { Text = "stale" }) { ETag = states[7].ETag, RecordExists = true };
        await Storage.WriteStateAsync("sample", grains[7], new GrainState<Sample>(new Sample { Text = "second", Count = 7 }) { ETag = states[7].ETag });

        var second = grains.Select((g, i) => i == 7
            ? Storage.WriteStateAsync("sample", g, stale)
            : Storage.WriteStateAsync("sample", g, new GrainState<Sample>(new Sample { Text = "second", Count = i }) { ETag = states[i].ETag })).ToList();
        await Assert.ThrowsAsync<InconsistentStateException>(() => second[7]);
        await Task.WhenAll(second.Where((_, i) => i != 7));

        await RestartAsync();
        foreach (var (grain, i) in grains.Select((g, i) => (g, i)))
        {
            var read = new GrainState<Sample>();
            await Storage.ReadStateAsync("sample", grain, read);
            Assert.Equal(("second", i, "2"), (read.State!.Text, read.State.Count, read.ETag));
        }
    }

    [Fact]
    public async Task Reminders_round_trip_and_bump_their_etag()
    {
        var grain = NewGrain();
        var start = new DateTime(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);
        var etag = await Reminders.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "seven-days", StartAt = start, Period = TimeSpan.FromDays(1) });

        var read = await Reminders.ReadRow(grain, "seven-days");
        Assert.Equal(start, read!.StartAt);
        Assert.Equal(TimeSpan.FromDays(1), read.Period);
        Assert.Equal(etag, read.ETag);

        var second = await Reminders.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "seven-days", StartAt = start.AddHours(1), Period = TimeSpan.FromHours(12) });
        Assert.NotEqual(etag, second);
        Assert.Equal(start.AddHours(1), (await Reminders.ReadRow(grain, "seven-days"))!.StartAt);

        Assert.False(await Reminders.RemoveRow(grain, "seven-days", etag!));
        Assert.True(await Reminders.RemoveRow(grain, "seven-days", second!));
        Assert.Empty((await Reminders.ReadRows(grain)).Reminders);
    }

    [Fact]
    public async Task Reminders_are_found_by_grain_and_by_hash_range()
    {
        var grain = NewGrain();
        await Reminders.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "a", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(5) });
        await Reminders.UpsertRow(new ReminderEntry { GrainId = grain, ReminderName = "b", StartAt = DateTime.UtcNow, Period = TimeSpan.FromMinutes(5) });

        Assert.Equal(["a", "b"], (await Reminders.ReadRows(grain)).Reminders.Select(r => r.ReminderName).Order());

        var hash = grain.GetUniformHashCode();
        var inRange = await Reminders.ReadRows(hash - 1, hash);
        Assert.Equal(2, inRange.Reminders.Count(r => r.GrainId == grain));
        var wrapped = await Reminders.ReadRows(hash, hash - 1);
        Assert.DoesNotContain(wrapped.Reminders, r => r.GrainId == grain);
        var everything = await Reminders.ReadRows(hash + 1, hash);
        Assert.Equal(2, everything.Reminders.Count(r => r.GrainId == grain));
    }
}

public sealed class SchemaMigratorTests : IDisposable
{
    private readonly TemporaryFolder _folder = new();

    private SchemaMigrator NewMigrator() =>
        new(new StorageOptions { ConnectionString = $"Data Source={_folder.Combine("nested", "db.sqlite")}" }, NullLogger<SchemaMigrator>.Instance);

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Scripts_apply_once_in_order_and_record_their_versions()
    {
        var scripts = SchemaMigrator.ScriptsFor(StorageProvider.Sqlite);
        Assert.Equal(scripts.Select(s => s.Version).Order(), scripts.Select(s => s.Version));

        Assert.Equal(scripts.Select(s => s.Version), await NewMigrator().MigrateAsync(TestContext.Current.CancellationToken));
        Assert.Empty(await NewMigrator().MigrateAsync(TestContext.Current.CancellationToken));
        Assert.True(await NewMigrator().PingAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Migrators_starting_together_apply_each_script_once()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => NewMigrator().MigrateAsync(TestContext.Current.CancellationToken))));

        Assert.Equal(SchemaMigrator.ScriptsFor(StorageProvider.Sqlite).Select(s => s.Version), results.SelectMany(r => r).Order());
    }

    [Fact]
    public async Task Provider_connections_let_SQLite_wait_for_the_write_lock_and_sync_every_commit()
    {
        await using var dataSource = new SqliteDataSource($"Data Source={_folder.Combine("direct.sqlite")}");
        await using var connection = await dataSource.OpenConnectionAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();

        command.CommandText = "PRAGMA busy_timeout";
        Assert.Equal((long)SqliteDataSource.BusyTimeoutMilliseconds, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        command.CommandText = "PRAGMA synchronous";
        Assert.Equal(2L, await command.ExecuteScalarAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Every_query_the_providers_read_is_installed()
    {
        await NewMigrator().MigrateAsync(TestContext.Current.CancellationToken);
        await using var connection = new SqliteConnection($"Data Source={_folder.Combine("nested", "db.sqlite")}");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey";
        var keys = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
                keys.Add(reader.GetString(0));

        Assert.Equal(
            [
                "ClearStorageKey", "DeleteReminderRowKey", "DeleteReminderRowsKey", "DeleteStorageKey", "ReadFromStorageKey",
                "ReadRangeRows1Key", "ReadRangeRows2Key", "ReadReminderRowKey", "ReadReminderRowsKey", "UpsertReminderRowKey", "WriteToStorageKey",
            ],
            keys);
    }
}

[GenerateSerializer]
public sealed class Sample
{
    [Id(0)] public string Text { get; set; } = "";
    [Id(1)] public int Count { get; set; }
}

public sealed class PostgreSqlSchemaMigratorTests
{
    [Fact]
    public async Task Migrators_starting_together_apply_each_script_once_and_install_every_query()
    {
        var options = new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = await (await PostgresServer.InstanceAsync()).CreateDatabaseAsync("migrator") };

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() =>
            new SchemaMigrator(options, NullLogger<SchemaMigrator>.Instance).MigrateAsync(TestContext.Current.CancellationToken))));

        Assert.Equal(SchemaMigrator.ScriptsFor(StorageProvider.PostgreSql).Select(s => s.Version), results.SelectMany(r => r).Order());
        Assert.True(await new SchemaMigrator(options, NullLogger<SchemaMigrator>.Instance).PingAsync(TestContext.Current.CancellationToken));
        await using var connection = new Npgsql.NpgsqlConnection(options.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new Npgsql.NpgsqlCommand("SELECT QueryKey FROM OrleansQuery ORDER BY QueryKey", connection);
        var keys = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken))
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
                keys.Add(reader.GetString(0));
        Assert.Contains("MembershipReadAllKey", keys);
        Assert.Contains("WriteToStorageKey", keys);
        Assert.Contains("UpsertReminderRowKey", keys);
    }

    [Fact]
    public async Task An_unreachable_database_is_reported_as_such()
    {
        var options = new StorageOptions { Provider = StorageProvider.PostgreSql, ConnectionString = $"Host=127.0.0.1;Port={FreePorts.Next()};Database=none;Username=none;Timeout=2" };

        await Assert.ThrowsAnyAsync<Npgsql.NpgsqlException>(() => new SchemaMigrator(options, NullLogger<SchemaMigrator>.Instance).MigrateAsync(TestContext.Current.CancellationToken));
    }
}
