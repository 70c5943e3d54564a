namespace Collaboration.Server.Hubs;

/// <summary>
/// What the notes hub sends to the viewers of a meeting. Payloads say what changed, never who changed it:
/// an entry is text, session, position, version and change number; "being edited" names the entry only.
/// </summary>
public interface INotesClient
{
    Task EntryAdded(string meetingId, NoteEntry entry);

    Task EntryEdited(string meetingId, NoteEntry entry);

    /// <summary>The entry's tombstone: its text is gone, its position stays.</summary>
    Task EntryDeleted(string meetingId, NoteEntry entry);

    Task EditingStarted(string meetingId, long seq);

    Task EditingStopped(string meetingId, long seq);

    /// <summary>How many note-takers are connected.</summary>
    Task NoteTakersOnline(string meetingId, int count);

    /// <summary>The notes are final and read-only.</summary>
    Task NotesFinalized(string meetingId);

    /// <summary>How many live connections follow the meeting now.</summary>
    Task PresenceChanged(string meetingId, int count);

    /// <summary>The caller may no longer follow the meeting (invitation withdrawn, live notes closed): nothing more arrives.</summary>
    Task NotesAccessRevoked(string meetingId);
}

/// <summary>What <c>JoinMeeting</c> answers: the entries missed, where the notes stand, and who is following (as counts).</summary>
public sealed record NotesJoined(
    IReadOnlyList<NoteEntry> Entries,
    long LastChange,
    bool Finalized,
    bool MayWrite,
    int Following,
    int NoteTakersOnline);
