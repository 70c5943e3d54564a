using System.Threading.Channels;
using Collaboration.Meetings;
using static Collaboration.Grains.Tests.TestData;

namespace Collaboration.Grains.Tests;

public sealed partial class MeetingGrainTests
{
    private sealed class ChangesHeard : IMeetingChangesObserver
    {
        public Channel<(string MeetingId, int Version, int Stamp)> Heard { get; } = Channel.CreateUnbounded<(string, int, int)>();

        public Task MeetingChanged(string meetingId, int version, int stamp)
        {
            Heard.Writer.TryWrite((meetingId, version, stamp));
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task The_catalog_tells_its_observers_which_meeting_changed_when_it_accepts_a_summary_only()
    {
        var (_, world) = await ScheduledAsync();
        var catalog = fixture.Grains.GetGrain<IMeetingCatalogGrain>(world.Key);
        var summary = Assert.Single((await catalog.QueryAsync(world.Secretariat, new MeetingFilter(), 10, null)).Meetings);
        var observer = new ChangesHeard();
        var reference = fixture.Grains.CreateObjectReference<IMeetingChangesObserver>(observer);
        await catalog.SubscribeAsync(reference);

        await catalog.UpsertAsync(summary with { Version = summary.Version - 1, City = "Stale" });
        await catalog.UpsertAsync(summary);
        await catalog.UpsertAsync(summary with { Stamp = summary.Stamp + 1, City = "Sousse" });

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(20));
        // The first thing heard is the accepted summary: neither the stale one nor the repeated one was told.
        Assert.Equal((summary.Id, summary.Version, summary.Stamp + 1), await observer.Heard.Reader.ReadAsync(timeout.Token));

        await catalog.UnsubscribeAsync(reference);
        await catalog.UpsertAsync(summary with { Stamp = summary.Stamp + 2 });
        await catalog.SubscribeAsync(reference);
        await catalog.UpsertAsync(summary with { Stamp = summary.Stamp + 3 });
        Assert.Equal((summary.Id, summary.Version, summary.Stamp + 3), await observer.Heard.Reader.ReadAsync(timeout.Token));
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => catalog.CheckFollowerAsync(new Caller("nobody-" + NewKey(), false))));
        await catalog.CheckFollowerAsync(world.Delegates[0]);
        fixture.Grains.DeleteObjectReference<IMeetingChangesObserver>(reference);
    }
}
