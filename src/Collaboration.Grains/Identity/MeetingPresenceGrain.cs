namespace Collaboration.Identity;

/// <summary>Counts live connections per meeting, in memory: presence is not worth a write.</summary>
public sealed class MeetingPresenceGrain : Grain, IMeetingPresenceGrain
{
    private readonly Dictionary<string, bool> _connections = new(StringComparer.Ordinal);

    public Task<Presence> JoinAsync(string connectionId, bool noteTaker)
    {
        _connections[connectionId] = noteTaker;
        return GetAsync();
    }

    public Task<Presence> LeaveAsync(string connectionId)
    {
        _connections.Remove(connectionId);
        if (_connections.Count == 0)
            DeactivateOnIdle();
        return GetAsync();
    }

    public Task<Presence> GetAsync() => Task.FromResult(new Presence(_connections.Count, _connections.Values.Count(n => n)));
}
