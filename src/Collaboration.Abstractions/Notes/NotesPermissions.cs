namespace Collaboration.Notes;

/// <summary>
/// What the caller may do with a meeting's notes now, answered by the rules the notes hub and the
/// meetingNotes query apply: follow them live, take them, approve them, reopen final notes, read them, and
/// translate them (notesTranslation, translateNote).
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.notes-permissions")]
public sealed record NotesPermissions(
    [property: Id(0)] bool Follow,
    [property: Id(1)] bool TakeNotes,
    [property: Id(2)] bool Approve,
    [property: Id(3)] bool Reopen,
    [property: Id(4)] bool Read,
    [property: Id(5)] bool Translate = false);

/// <summary>
/// Where the sign-off of a meeting's notes stands, as the notes grain tells the meeting (never who wrote what):
/// the closed sessions, how many entries wait for review, whether the notes are final, and the last change
/// number, which approvals refer to. The meeting keeps it so lists can say whose approval is awaited.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.notes-sign-off-facts")]
public sealed record NotesSignOffFacts(
    [property: Id(0)] IReadOnlyList<string> ClosedSessionIds,
    [property: Id(1)] int Unreviewed,
    [property: Id(2)] bool Finalized,
    [property: Id(3)] long LastChange);
