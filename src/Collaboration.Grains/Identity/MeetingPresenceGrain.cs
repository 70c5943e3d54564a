namespace Collaboration.Identity;

/// <summary>Counts live connections per meeting, in memory: presence is not worth a write.</summary>
public sealed class MeetingPresenceGrain : Grain, IMeetingPresenceGrain
{
    private readonly HashSet<string> _connections = new(StringComparer.Ordinal);

    public Task<int> JoinAsync(string connectionId)
    {
        _connections.Add(connectionId);
        return Task.FromResult(_connections.Count);
    }

    public Task<int> LeaveAsync(string connectionId)
    {
        _connections.Remove(connectionId);
        if (_connections.Count == 0)
            DeactivateOnIdle();
        return Task.FromResult(_connections.Count);
    }

    public Task<int> GetCountAsync() => Task.FromResult(_connections.Count);
}
