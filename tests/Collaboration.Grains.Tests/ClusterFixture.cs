using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Orleans.TestingHost;

namespace Collaboration.Grains.Tests;

/// <summary>One in-process Orleans test cluster for every grain test, with memory storage and a clock tests move.</summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    /// <summary>The silo's clock: it stands still until a test moves it.</summary>
    public static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero));

    public static readonly TestMailTransport Mail = new();

    public TestCluster Cluster { get; } = new TestClusterBuilder(1)
        .AddSiloBuilderConfigurator<SiloConfigurator>()
        .Build();

    public IGrainFactory Grains => Cluster.GrainFactory;

    public async ValueTask InitializeAsync() => await Cluster.DeployAsync();

    public async ValueTask DisposeAsync() => await Cluster.DisposeAsync();

    private sealed class SiloConfigurator : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.AddMemoryGrainStorage(StorageNames.Grains);
            silo.UseInMemoryReminderService();
            silo.Configure<Orleans.Hosting.ReminderOptions>(o => o.MinimumReminderPeriod = TimeSpan.FromMilliseconds(200));
            silo.Services.Configure<Collaboration.Mail.OutboxSettings>(o =>
            {
                o.RetryPeriod = TimeSpan.FromMilliseconds(300);
                o.MaxBackoff = TimeSpan.FromMilliseconds(300);
                o.GiveUpAfter = TimeSpan.FromHours(1);
            });
            silo.Services.AddSingleton<TimeProvider>(Clock);
            silo.Services.AddSingleton<Collaboration.Mail.IMailTransport>(Mail);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}

/// <summary>
/// Stands in for SMTP in grain tests, which check the outbox's own rules (retry, give-up, no doubles); the
/// API tests deliver through a real SMTP server.
/// </summary>
public sealed class TestMailTransport : Collaboration.Mail.IMailTransport
{
    private readonly System.Collections.Concurrent.ConcurrentQueue<Collaboration.Mail.OutboxItem> _delivered = new();

    /// <summary>Addresses whose delivery fails while they are in here.</summary>
    public System.Collections.Concurrent.ConcurrentDictionary<string, byte> Unreachable { get; } = new();

    public IReadOnlyList<Collaboration.Mail.OutboxItem> Delivered => [.. _delivered];

    public Task DeliverAsync(Collaboration.Mail.OutboxItem item, CancellationToken cancellationToken = default)
    {
        if (Unreachable.ContainsKey(item.To))
            throw new IOException($"Connection refused for {item.To}.");
        _delivered.Enqueue(item);
        return Task.CompletedTask;
    }
}
