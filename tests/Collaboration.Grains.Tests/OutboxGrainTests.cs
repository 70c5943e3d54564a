using Collaboration.Mail;
using Collaboration.Tests;
using static Collaboration.Grains.Tests.TestData;

namespace Collaboration.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class OutboxGrainTests(ClusterFixture fixture)
{
    private static OutboxItem Item(string to) => new(
        Convert.ToHexStringLower(Guid.NewGuid().ToByteArray()), to, "Recipient", "en", null, "Subject", "Body");

    private static async Task<int> DeliveriesTo(string to, int atLeast)
    {
        for (var i = 0; i < 100 && ClusterFixture.Mail.Delivered.Count(d => d.To == to) < atLeast; i++)
            await Task.Delay(100, TestContext.Current.CancellationToken);
        return ClusterFixture.Mail.Delivered.Count(d => d.To == to);
    }

    /// <summary>
    /// Waits until the outbox lists the message no more (it lists what waits to go and what failed): it was
    /// delivered, and the grain will not try it again, so the deliveries counted after this are all there are.
    /// </summary>
    private async Task DrainedAsync(string id)
    {
        var index = fixture.Grains.GetGrain<IOutboxIndexGrain>(0);
        await Eventually.Async(async () => (await index.ListAsync(Administrator)).Any(e => e.Id == id) ? null : (object)true, $"the outbox to send {id}");
    }

    [Fact]
    public async Task A_message_is_delivered_once_however_often_it_is_enqueued()
    {
        var item = Item(NewEmail());
        var outbox = fixture.Grains.GetGrain<IOutboxGrain>(item.Id);

        await outbox.EnqueueAsync(item);
        await outbox.EnqueueAsync(item);

        Assert.Equal(1, await DeliveriesTo(item.To, 1));
        await DrainedAsync(item.Id);
        Assert.Equal(1, ClusterFixture.Mail.Delivered.Count(d => d.To == item.To));
    }

    [Fact]
    public async Task An_outage_delays_a_message_and_the_reminder_delivers_it_once_afterwards()
    {
        var item = Item(NewEmail());
        ClusterFixture.Mail.Unreachable[item.To] = 0;
        await fixture.Grains.GetGrain<IOutboxGrain>(item.Id).EnqueueAsync(item);

        OutboxEntry? waiting = null;
        for (var i = 0; i < 50 && waiting is not { Attempts: >= 1 }; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            waiting = (await fixture.Grains.GetGrain<IOutboxIndexGrain>(0).ListAsync(Administrator)).SingleOrDefault(e => e.Id == item.Id);
        }
        Assert.Equal(OutboxStatus.Pending, waiting!.Status);
        Assert.Contains("Connection refused", waiting.LastError, StringComparison.Ordinal);
        Assert.Equal(0, ClusterFixture.Mail.Delivered.Count(d => d.To == item.To));

        Assert.True(waiting.NextAttemptAt > ClusterFixture.Clock.GetUtcNow(), "A failed attempt backs off before the next.");

        ClusterFixture.Mail.Unreachable.TryRemove(item.To, out _);
        ClusterFixture.Clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(1, await DeliveriesTo(item.To, 1));
        await DrainedAsync(item.Id);
        Assert.Equal(1, ClusterFixture.Mail.Delivered.Count(d => d.To == item.To));
    }

    [Fact]
    public async Task A_message_too_old_to_deliver_fails_visibly_and_an_administrator_retries_it()
    {
        var item = Item(NewEmail());
        ClusterFixture.Mail.Unreachable[item.To] = 0;
        var outbox = fixture.Grains.GetGrain<IOutboxGrain>(item.Id);
        await outbox.EnqueueAsync(item);
        ClusterFixture.Clock.Advance(TimeSpan.FromHours(2));

        OutboxEntry? failed = null;
        for (var i = 0; i < 50 && failed is not { Status: OutboxStatus.Failed }; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            failed = (await fixture.Grains.GetGrain<IOutboxIndexGrain>(0).ListAsync(Administrator)).SingleOrDefault(e => e.Id == item.Id);
        }
        Assert.Equal(OutboxStatus.Failed, failed!.Status);
        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => outbox.RetryAsync(new Caller("someone", false))));
        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => fixture.Grains.GetGrain<IOutboxIndexGrain>(0).ListAsync(new Caller("someone", false))));

        ClusterFixture.Mail.Unreachable.TryRemove(item.To, out _);
        await outbox.RetryAsync(Administrator);

        Assert.Equal(1, await DeliveriesTo(item.To, 1));
        Assert.Equal(ErrorCode.InvalidState, await RefusalOf(() => outbox.RetryAsync(Administrator)));
    }
}
