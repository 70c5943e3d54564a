namespace Collaboration.Identity;

/// <summary>
/// Who is watching a meeting live, as a count: the live connections that joined the meeting's group.
/// Held in memory only; a connection id identifies a connection, never a note or its author.
/// </summary>
[Alias("collaboration.meeting-presence")]
public interface IMeetingPresenceGrain : IGrainWithStringKey
{
    /// <summary>Counts a connection in; joining twice counts once. Returns the new count.</summary>
    [Alias("join")]
    Task<int> JoinAsync(string connectionId);

    /// <summary>Counts a connection out; leaving twice counts once. Returns the new count.</summary>
    [Alias("leave")]
    Task<int> LeaveAsync(string connectionId);

    /// <summary>How many connections are in the meeting now.</summary>
    [Alias("count")]
    Task<int> GetCountAsync();
}
