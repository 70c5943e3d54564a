namespace Collaboration.Server.Hubs;

/// <summary>
/// What the notes hub sends to the viewers of a meeting. Payloads say what changed, never who changed it:
/// an entry is text, session, position, version, change number and review mark; "being edited" names the
/// entry only; the sign-off is counts. A reader who takes no notes receives an entry awaiting review without
/// its text.
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

    /// <summary>The secretariat reopened the final notes.</summary>
    Task NotesReopened(string meetingId);

    /// <summary>Sessions closed, entries waiting for review, approvals given of those needed.</summary>
    Task SignOffChanged(string meetingId, NotesSignOff signOff);

    /// <summary>How many live connections follow the meeting now.</summary>
    Task PresenceChanged(string meetingId, int count);

    /// <summary>The caller may no longer follow the meeting (invitation withdrawn, live notes closed): nothing more arrives.</summary>
    Task NotesAccessRevoked(string meetingId);
}

/// <summary>
/// What <c>JoinMeeting</c> answers: the entries missed, where the notes stand, what the caller may do, who is
/// following (as counts), and the longest entry the server takes.
/// </summary>
public sealed record NotesJoined(
    IReadOnlyList<NoteEntry> Entries,
    long LastChange,
    bool Finalized,
    bool MayWrite,
    int Following,
    int NoteTakersOnline,
    NotesSignOff SignOff,
    NotesAccess Access,
    int MaxTextLength);
