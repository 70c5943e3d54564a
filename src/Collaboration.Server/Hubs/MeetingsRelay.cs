using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Server.Hubs;

/// <summary>
/// This server's link between the dialogues' meeting catalogs and its meetings-hub connections (the pattern
/// of Orleans' GPSTracker sample, like <see cref="NotesRelay"/>). While any local connection follows a
/// dialogue, the relay stays subscribed to that dialogue's catalog grain. A change says only which meeting
/// and its version; the relay asks the catalog, per distinct caller, whether that caller may see the meeting,
/// and tells only the connections of callers who may. Nothing is cached across changes, so a meeting that
/// became visible (or stopped being) is told (or not) from the next change on.
/// </summary>
public sealed partial class MeetingsRelay(
    IHubContext<MeetingsHub, IMeetingsClient> hub,
    IGrainFactory grains,
    ILogger<MeetingsRelay> logger) : IMeetingChangesObserver, IHostedService, IDisposable
{
    /// <summary>How often subscriptions are renewed (the catalog forgets a relay after two minutes, or when it moves to another silo).</summary>
    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(5);

    // Which local connections follow which dialogue, as whom. Kept in memory only, to ask who may see a change.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Caller>> _connections = new(StringComparer.Ordinal);
    private IMeetingChangesObserver? _reference;
    private PeriodicTimer? _timer;
    private Task? _renewing;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _reference = grains.CreateObjectReference<IMeetingChangesObserver>(this);
        _timer = new PeriodicTimer(Renewal);
        _renewing = RenewAsync(_timer);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        _timer?.Dispose();
        if (_renewing is not null)
            await _renewing;
    }

    public void Dispose() => _timer?.Dispose();

    /// <summary>A local connection follows a dialogue (the hub checked the caller may): make sure its changes come here.</summary>
    public async Task FollowAsync(string dialogueKey, string connectionId, Caller caller)
    {
        _connections.GetOrAdd(dialogueKey, _ => new(StringComparer.Ordinal))[connectionId] = caller;
        await grains.GetGrain<IMeetingCatalogGrain>(dialogueKey).SubscribeAsync(_reference!);
    }

    /// <summary>A local connection stopped following; the last one lets the subscription lapse.</summary>
    public Task UnfollowAsync(string dialogueKey, string connectionId)
    {
        if (_connections.TryGetValue(dialogueKey, out var connections) && connections.TryRemove(connectionId, out _) && connections.IsEmpty)
            _connections.TryRemove(new KeyValuePair<string, ConcurrentDictionary<string, Caller>>(dialogueKey, connections));
        return Task.CompletedTask;
    }

    public async Task MeetingChanged(string meetingId, int version, int stamp)
    {
        if (MeetingKey.DialogueOf(meetingId) is not { } dialogueKey || !_connections.TryGetValue(dialogueKey, out var connections))
            return;
        var catalog = grains.GetGrain<IMeetingCatalogGrain>(dialogueKey);
        foreach (var byCaller in connections.GroupBy(c => c.Value, c => c.Key))
        {
            try
            {
                if ((await catalog.VisibleAsync(byCaller.Key, [meetingId])).Contains(meetingId, StringComparer.Ordinal))
                    await hub.Clients.Clients([.. byCaller]).MeetingChanged(meetingId, version);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The pages of this caller miss one change; their next change or reconnection reads the meeting again.
                LogForwardFailed(logger, e, meetingId);
            }
        }
    }

    private async Task RenewAsync(PeriodicTimer timer)
    {
        while (await timer.WaitForNextTickAsync())
        {
            foreach (var dialogueKey in _connections.Keys)
            {
                try
                {
                    await grains.GetGrain<IMeetingCatalogGrain>(dialogueKey).SubscribeAsync(_reference!);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRenewalFailed(logger, e, dialogueKey);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not tell the viewers of meeting {MeetingId} that it changed")]
    private static partial void LogForwardFailed(ILogger logger, Exception exception, string meetingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the meeting-changes subscription of dialogue {DialogueKey}; retrying at the next renewal")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception, string dialogueKey);
}
