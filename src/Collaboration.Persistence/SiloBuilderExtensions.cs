using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Runtime;
using Orleans.Serialization;
using Orleans.Storage;

namespace Collaboration.Persistence;

public static class SiloBuilderExtensions
{
    /// <summary>The ADO.NET invariant under which Orleans loads Microsoft.Data.Sqlite's factory.</summary>
    public const string SqliteInvariant = "System.Data.SQLite";

    /// <summary>
    /// Keeps grain state (provider <paramref name="storageName"/>) and reminders in the configured database
    /// through Orleans' ADO.NET providers, after the project's schema scripts have been applied.
    /// </summary>
    public static ISiloBuilder AddCollaborationStorage(this ISiloBuilder silo, StorageOptions storage, string storageName)
    {
        silo.Services.AddSingleton(storage);
        silo.Services.AddSingleton<SchemaMigrator>();
        silo.Services.AddSingleton<ILifecycleParticipant<ISiloLifecycle>, SchemaMigrationParticipant>();

        var dataSource = new SqliteDataSource(storage.ConnectionString);
        silo.AddAdoNetGrainStorage(storageName, o =>
        {
            o.Invariant = SqliteInvariant;
            o.DataSource = dataSource;
        });
        // Orleans' own binary format: version-tolerant through the [Id] attributes on every state member.
        silo.Services.AddOptions<AdoNetGrainStorageOptions>(storageName)
            .Configure<Serializer>((o, serializer) => o.GrainStorageSerializer = new OrleansGrainStorageSerializer(serializer));
        silo.UseAdoNetReminderService(o =>
        {
            o.Invariant = SqliteInvariant;
            o.DataSource = dataSource;
        });
        return silo;
    }

    /// <summary>Runs the migrator before any storage provider reads its queries.</summary>
    private sealed class SchemaMigrationParticipant(SchemaMigrator migrator, ILogger<SchemaMigrator> logger)
        : ILifecycleParticipant<ISiloLifecycle>
    {
        public void Participate(ISiloLifecycle lifecycle) =>
            lifecycle.Subscribe(nameof(SchemaMigrator), ServiceLifecycleStage.RuntimeInitialize, async ct =>
            {
                var applied = await migrator.MigrateAsync(ct);
                if (applied.Count == 0)
                    logger.LogDebug("Storage schema is up to date");
            });
    }
}
