namespace Collaboration.Identity;

/// <summary>
/// Who is watching a meeting live, as a count: the live connections that joined the meeting's group.
/// Held in memory only; a connection id identifies a connection, never a note or its author.
/// </summary>
[Alias("collaboration.meeting-presence")]
public interface IMeetingPresenceGrain : IGrainWithStringKey
{
    /// <summary>Counts a connection in (as a note-taker's or not); joining twice counts once.</summary>
    [Alias("join")]
    Task<Presence> JoinAsync(string connectionId, bool noteTaker);

    /// <summary>Counts a connection out; leaving twice counts once.</summary>
    [Alias("leave")]
    Task<Presence> LeaveAsync(string connectionId);

    /// <summary>How many connections are in the meeting now, and how many of them are note-takers'.</summary>
    [Alias("count")]
    Task<Presence> GetAsync();
}

/// <summary>How many connections follow a meeting, and how many of those are note-takers': counts, never who.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.presence")]
public sealed record Presence([property: Id(0)] int Following, [property: Id(1)] int NoteTakers);
