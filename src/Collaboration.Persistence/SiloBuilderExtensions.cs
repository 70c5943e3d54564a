using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Runtime.Hosting;
using Orleans.Serialization;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Collaboration.Persistence;

public static class SiloBuilderExtensions
{
    /// <summary>The ADO.NET invariant under which Orleans loads Microsoft.Data.Sqlite's factory.</summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    /// <summary>The ADO.NET invariant of Npgsql (PostgreSQL).</summary>
    public const string PostgreSqlInvariant = "Npgsql";

    /// <summary>
    /// Keeps grain state (provider <paramref name="storageName"/>) and reminders in the configured database,
    /// after the project's schema scripts have been applied: on PostgreSQL through Orleans' ADO.NET providers,
    /// on SQLite grain state through <see cref="SqliteGrainStorage"/> (group commit) and reminders through
    /// the ADO.NET reminder table.
    /// </summary>
    public static ISiloBuilder AddCollaborationStorage(this ISiloBuilder silo, StorageOptions storage, string storageName)
    {
        silo.Services.AddSingleton(storage);
        silo.Services.AddSingleton<SchemaMigrator>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaMigrationParticipant>();

        var postgres = storage.Provider == StorageProvider.PostgreSql;
        var invariant = postgres ? PostgreSqlInvariant : SqliteInvariant;
        System.Data.Common.DbDataSource dataSource;
        if (postgres)
        {
            dataSource = Npgsql.NpgsqlDataSource.Create(storage.ConnectionString);
            silo.AddAdoNetGrainStorage(storageName, o =>
            {
                o.Invariant = invariant;
                o.DataSource = dataSource;
            });
            // Orleans' own binary format: version-tolerant through the [Id] attributes on every state member.
            silo.Services.AddOptions<AdoNetGrainStorageOptions>(storageName)
                .Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        }
        else
        {
            // The same rows and payload format as the ADO.NET provider, written with group commit.
            var sqlite = new SqliteDataSource(storage.ConnectionString);
            dataSource = sqlite;
            silo.Services.AddSingleton(sqlite);
            silo.Services.AddGrainStorage(storageName, (services, name) => new SqliteGrainStorage(
                name,
                services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId,
                sqlite,
                new OrleansGrainStorageSerializer(services.GetRequiredService<Serializer>()),
                services.GetRequiredService<IActivatorProvider>(),
                services.GetRequiredService<ILogger<SqliteGrainStorage>>()));
        }
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = invariant;
            o.DataSource = dataSource;
        });
        return silo;
    }

    /// <summary>
    /// Cluster membership in PostgreSQL through Orleans' ADO.NET clustering: every silo of the same cluster id
    /// finds the others there.
    /// </summary>
    public static ISiloBuilder UseCollaborationClustering(this ISiloBuilder silo, StorageOptions storage) =>
        silo.UseAdoNetClustering(o =>
        {
            o.Invariant = PostgreSqlInvariant;
            o.ConnectionString = storage.ConnectionString;
        });

    /// <summary>Runs the migrator before any storage provider reads its queries.</summary>
    private sealed class SchemaMigrationParticipant(SchemaMigrator migrator, ILogger<SchemaMigrator> logger)
        : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) =>
            // Before any provider reads its queries, the membership table included.
            lifecycle.Subscribe(nameof(SchemaMigrator), ServiceLifecycleStage.RuntimeInitialize - 100, async ct =>
            {
                IReadOnlyList<int> applied;
                try
                {
                    applied = await migrator.MigrateAsync(ct);
                }
                catch (Exception e) when (e is System.Data.Common.DbException or System.Net.Sockets.SocketException or TimeoutException or InvalidOperationException or ArgumentException)
                {
                    throw new StorageUnavailableException($"The database cannot be used: {e.Message}", e);
                }
                if (applied.Count == 0)
                    logger.LogDebug("Storage schema is up to date");
            });
    }
}
