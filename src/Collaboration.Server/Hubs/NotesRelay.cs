using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Server.Hubs;

/// <summary>
/// This server's link between the notes grains and its hub connections (the pattern of Orleans' GPSTracker
/// sample). While any local connection follows a meeting, the relay stays subscribed to that meeting's
/// notes grain and passes every event to the meeting's SignalR groups here. Entries written through any
/// server reach viewers on every server; a single server uses the same path. Each meeting has a group for
/// everyone who follows it and, within it, one for note-takers and one for readers: an entry marked "not
/// attribution" and not yet reviewed reaches the note-takers whole and the readers without its text.
/// </summary>
public sealed partial class NotesRelay(
    IHubContext<NotesHub, INotesClient> hub,
    IGrainFactory grains,
    ILogger<NotesRelay> logger) : INotesRelay, IHostedService, IDisposable
{
    /// <summary>
    /// How often subscriptions are renewed (the grains forget a relay after two minutes). A renewal also
    /// catches up what a relay missed while a notes grain moved to another silo, so this bounds that gap.
    /// </summary>
    public static readonly TimeSpan Renewal = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<string, int> _followed = new(StringComparer.Ordinal);

    // The highest change number passed on per meeting, to notice (and fill) a gap after a grain moved.
    private readonly ConcurrentDictionary<string, long> _forwarded = new(StringComparer.Ordinal);

    // Which local connections follow which meeting, as whom and in which role: kept in memory to re-check
    // access when it changes. It never touches an entry, a payload or storage.
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, (Caller Caller, NotesFollower Role)>> _connections = new(StringComparer.Ordinal);
    private INotesRelay? _reference;
    private PeriodicTimer? _timer;
    private Task? _renewing;

    public static string Group(string meetingId) => "meeting:" + meetingId;

    private static string Group(string meetingId, NotesFollower role) =>
        role == NotesFollower.NoteTaker ? "note-takers:" + meetingId : "readers:" + meetingId;

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

    /// <summary>A local connection follows the meeting in a role: make sure its events come here, as that role may see them.</summary>
    public async Task FollowAsync(string meetingId, string connectionId, Caller caller, NotesFollower role)
    {
        var connections = _connections.GetOrAdd(meetingId, _ => new(StringComparer.Ordinal));
        var known = connections.TryGetValue(connectionId, out var previous);
        if (known && previous.Role != role)
            await hub.Groups.RemoveFromGroupAsync(connectionId, Group(meetingId, previous.Role));
        connections[connectionId] = (caller, role);
        await hub.Groups.AddToGroupAsync(connectionId, Group(meetingId));
        await hub.Groups.AddToGroupAsync(connectionId, Group(meetingId, role));
        if (known)
            return;
        _followed.AddOrUpdate(meetingId, 1, (_, count) => count + 1);
        var grain = grains.GetGrain<INotesGrain>(meetingId);
        var last = await grain.SubscribeAsync(_reference!);
        // A first connection reads the entries itself when it joins: the relay forwards from here. Connections
        // already here must not lose what the relay missed meanwhile: it catches them up.
        if (!_forwarded.TryAdd(meetingId, last) && _forwarded.TryGetValue(meetingId, out var held) && last > held)
            await CatchUpAsync(meetingId, grain, held);
    }

    /// <summary>A local connection stopped following; the last one lets the subscription lapse.</summary>
    public async Task UnfollowAsync(string meetingId, string connectionId)
    {
        if (!_connections.TryGetValue(meetingId, out var connections) || !connections.TryRemove(connectionId, out var held))
            return;
        await hub.Groups.RemoveFromGroupAsync(connectionId, Group(meetingId));
        await hub.Groups.RemoveFromGroupAsync(connectionId, Group(meetingId, held.Role));
        if (_followed.AddOrUpdate(meetingId, 0, (_, count) => count - 1) <= 0
            && _followed.TryRemove(new KeyValuePair<string, int>(meetingId, 0)))
            _forwarded.TryRemove(meetingId, out _);
    }

    public async Task PublishAsync(NotesEvent e)
    {
        // A skipped change number means events were lost on the way (the grain moved): fill the gap first.
        if (e.Entry is { } entry && _forwarded.TryGetValue(e.MeetingId, out var held) && entry.Change > held + 1)
            await CatchUpAsync(e.MeetingId, grains.GetGrain<INotesGrain>(e.MeetingId), held);
        await ForwardAsync(e);
    }

    private Task ForwardAsync(NotesEvent e)
    {
        // Each change goes out once: an event that races a catch-up (or a renewal's) finds it already sent.
        if (e.Entry is { } entry && !TakeChange(e.MeetingId, entry.Change))
            return Task.CompletedTask;
        var group = hub.Clients.Group(Group(e.MeetingId));
        return e.Kind switch
        {
            NotesEventKind.EntryAdded or NotesEventKind.EntryEdited or NotesEventKind.EntryDeleted => ForwardEntryAsync(e.Kind, e.MeetingId, e.Entry!),
            NotesEventKind.EditingStarted => group.EditingStarted(e.MeetingId, e.Seq!.Value),
            NotesEventKind.EditingStopped => group.EditingStopped(e.MeetingId, e.Seq!.Value),
            NotesEventKind.NoteTakersOnline => group.NoteTakersOnline(e.MeetingId, e.Count!.Value),
            NotesEventKind.PresenceChanged => group.PresenceChanged(e.MeetingId, e.Count!.Value),
            NotesEventKind.NotesFinalized => group.NotesFinalized(e.MeetingId),
            NotesEventKind.NotesReopened => group.NotesReopened(e.MeetingId),
            NotesEventKind.SignOffChanged => group.SignOffChanged(e.MeetingId, e.SignOff!),
            NotesEventKind.AccessChanged => RecheckAsync(e.MeetingId),
            _ => Task.CompletedTask,
        };
    }

    /// <summary>Marks the change as forwarded, unless it (or a later one) already was.</summary>
    private bool TakeChange(string meetingId, long change)
    {
        while (true)
        {
            if (!_forwarded.TryGetValue(meetingId, out var held))
            {
                if (_forwarded.TryAdd(meetingId, change))
                    return true;
                continue;
            }
            if (change <= held)
                return false;
            if (_forwarded.TryUpdate(meetingId, change, held))
                return true;
        }
    }

    /// <summary>An entry to everyone, unless it waits for review: then readers get it without its text.</summary>
    private async Task ForwardEntryAsync(NotesEventKind kind, string meetingId, NoteEntry entry)
    {
        var forReaders = entry.ForReaders();
        if (ReferenceEquals(forReaders, entry))
        {
            await Send(hub.Clients.Group(Group(meetingId)), entry);
            return;
        }
        await Send(hub.Clients.Group(Group(meetingId, NotesFollower.NoteTaker)), entry);
        await Send(hub.Clients.Group(Group(meetingId, NotesFollower.Reader)), forReaders);

        Task Send(INotesClient clients, NoteEntry sent) => kind switch
        {
            NotesEventKind.EntryAdded => clients.EntryAdded(meetingId, sent),
            NotesEventKind.EntryEdited => clients.EntryEdited(meetingId, sent),
            _ => clients.EntryDeleted(meetingId, sent),
        };
    }

    /// <summary>
    /// Re-checks how each local connection may follow the meeting: one that may no longer is removed from its
    /// groups and told; one whose role changed (a rapporteur no longer, say) moves to its new role's group.
    /// </summary>
    private async Task RecheckAsync(string meetingId)
    {
        if (!_connections.TryGetValue(meetingId, out var connections))
            return;
        var meeting = grains.GetGrain<IMeetingGrain>(meetingId);
        foreach (var (connectionId, (caller, held)) in connections)
        {
            NotesFollower role;
            try
            {
                role = await meeting.GetNotesFollowerAsync(caller);
            }
            catch (CollaborationException)
            {
                role = NotesFollower.None;
            }
            if (role == held)
                continue;
            if (role != NotesFollower.None)
            {
                await FollowAsync(meetingId, connectionId, caller, role);
                continue;
            }
            await UnfollowAsync(meetingId, connectionId);
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
                    var grain = grains.GetGrain<INotesGrain>(meetingId);
                    var last = await grain.SubscribeAsync(_reference!);
                    if (_forwarded.TryGetValue(meetingId, out var forwarded) && last > forwarded)
                        await CatchUpAsync(meetingId, grain, forwarded);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogRenewalFailed(logger, e, meetingId);
                }
            }
        }
    }

    /// <summary>
    /// Passes on the entries a lost subscription missed (the grain moved to another silo and forgot this
    /// relay), each once: a change already forwarded (its event arrived meanwhile) is not sent again.
    /// </summary>
    private async Task CatchUpAsync(string meetingId, INotesGrain grain, long forwarded)
    {
        foreach (var entry in (await grain.ChangesAfterAsync(forwarded)).OrderBy(e => e.Change))
        {
            var kind = entry.Deleted ? NotesEventKind.EntryDeleted : entry.Version == 1 ? NotesEventKind.EntryAdded : NotesEventKind.EntryEdited;
            await ForwardAsync(new NotesEvent(meetingId, kind, entry, null, null));
        }
        LogCaughtUp(logger, meetingId);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Notes of meeting {MeetingId}: caught up on events a lost subscription missed")]
    private static partial void LogCaughtUp(ILogger logger, string meetingId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the notes subscription of meeting {MeetingId}; retrying at the next renewal")]
    private static partial void LogRenewalFailed(ILogger logger, Exception exception, string meetingId);
}
