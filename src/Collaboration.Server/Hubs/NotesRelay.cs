using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Server.Hubs;

/// <summary>
/// This server's link between the notes grains and its hub connections (the pattern of Orleans' GPSTracker
/// sample). While any local connection follows a meeting, the relay stays subscribed to that meeting's
/// notes grain and passes every event to the meeting's SignalR group here. Entries written through any
/// server reach viewers on every server; a single server uses the same path.
/// </summary>
public sealed partial class NotesRelay(
    IHubContext<NotesHub, INotesClient> hub,
    IGrainFactory grains,
    ILogger<NotesRelay> logger) : INotesRelay, IHostedService, IDisposable
{
    /// <summary>How often subscriptions are renewed (the grains forget a relay after two minutes).</summary>
    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<string, int> _followed = new(StringComparer.Ordinal);

    // Which local connections follow which meeting, as whom: kept in memory to re-check access when it
    // changes. It never touches an entry, a payload or storage.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, Caller>> _connections = new(StringComparer.Ordinal);
    private INotesRelay? _reference;
    private PeriodicTimer? _timer;
    private Task? _renewing;

    public static string Group(string meetingId) => "meeting:" + meetingId;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _reference = grains.CreateObjectReference<INotesRelay>(this);
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

    /// <summary>A local connection follows the meeting: make sure its events come here.</summary>
    public async Task FollowAsync(string meetingId, string connectionId, Caller caller)
    {
        _connections.GetOrAdd(meetingId, _ => new(StringComparer.Ordinal))[connectionId] = caller;
        _followed.AddOrUpdate(meetingId, 1, (_, count) => count + 1);
        await grains.GetGrain<INotesGrain>(meetingId).SubscribeAsync(_reference!);
    }

    /// <summary>A local connection stopped following; the last one lets the subscription lapse.</summary>
    public void Unfollow(string meetingId, string connectionId)
    {
        if (_connections.TryGetValue(meetingId, out var connections))
            connections.TryRemove(connectionId, out _);
        if (_followed.AddOrUpdate(meetingId, 0, (_, count) => count - 1) <= 0)
            _followed.TryRemove(new KeyValuePair<string, int>(meetingId, 0));
    }

    public Task PublishAsync(NotesEvent e)
    {
        var group = hub.Clients.Group(Group(e.MeetingId));
        return e.Kind switch
        {
            NotesEventKind.EntryAdded => group.EntryAdded(e.MeetingId, e.Entry!),
            NotesEventKind.EntryEdited => group.EntryEdited(e.MeetingId, e.Entry!),
            NotesEventKind.EntryDeleted => group.EntryDeleted(e.MeetingId, e.Entry!),
            NotesEventKind.EditingStarted => group.EditingStarted(e.MeetingId, e.Seq!.Value),
            NotesEventKind.EditingStopped => group.EditingStopped(e.MeetingId, e.Seq!.Value),
            NotesEventKind.NoteTakersOnline => group.NoteTakersOnline(e.MeetingId, e.Count!.Value),
            NotesEventKind.PresenceChanged => group.PresenceChanged(e.MeetingId, e.Count!.Value),
            NotesEventKind.NotesFinalized => group.NotesFinalized(e.MeetingId),
            NotesEventKind.AccessChanged => RecheckAsync(e.MeetingId),
            _ => Task.CompletedTask,
        };
    }

    /// <summary>Removes local connections that may no longer follow the meeting from its group, and tells them.</summary>
    private async Task RecheckAsync(string meetingId)
    {
        if (!_connections.TryGetValue(meetingId, out var connections))
            return;
        var meeting = grains.GetGrain<IMeetingGrain>(meetingId);
        foreach (var (connectionId, caller) in connections)
        {
            bool mayFollow;
            try
            {
                mayFollow = await meeting.CanFollowAsync(caller);
            }
            catch (CollaborationException)
            {
                mayFollow = false;
            }
            if (mayFollow)
                continue;
            connections.TryRemove(connectionId, out _);
            await hub.Groups.RemoveFromGroupAsync(connectionId, Group(meetingId));
            await hub.Clients.Client(connectionId).NotesAccessRevoked(meetingId);
        }
    }

    private async Task RenewAsync(PeriodicTimer timer)
    {
        while (await timer.WaitForNextTickAsync())
        {
            foreach (var meetingId in _followed.Keys)
            {
                try
                {
                    await grains.GetGrain<INotesGrain>(meetingId).SubscribeAsync(_reference!);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRenewalFailed(logger, e, meetingId);
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the notes subscription of meeting {MeetingId}; retrying at the next renewal")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception, string meetingId);
}
