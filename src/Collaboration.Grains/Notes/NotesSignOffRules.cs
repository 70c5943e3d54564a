namespace Collaboration.Notes;

/// <summary>
/// When a meeting's notes can be approved: the one rule that the notes grain applies to an approval and that
/// the meeting applies when it tells lists (and so people's agendas) whose approval is awaited.
/// </summary>
public static class NotesSignOffRules
{
    /// <summary>
    /// Why the notes cannot be approved now (INVALID_STATE, with a reason key), or null: they are not final, the
    /// meeting has taken place or is taking place, every working session is closed and no entry waits for review.
    /// </summary>
    public static CollaborationException? ApprovalRefusal(
        MeetingStatus status, IEnumerable<string> sessionIds, IReadOnlyCollection<string> closedSessionIds, int unreviewed, bool finalized)
    {
        if (finalized)
            return CollaborationException.InvalidState("The notes are final already.");
        if (status is MeetingStatus.Draft or MeetingStatus.Cancelled)
            return CollaborationException.InvalidState($"The meeting is {status}: it has no notes to approve.");
        var open = sessionIds.Count(id => !closedSessionIds.Contains(id));
        if (open > 0)
            return CollaborationException.InvalidState($"{open} working session(s) are still open: close each session's notes first.", "SESSIONS_OPEN", ("count", open));
        if (unreviewed > 0)
            return CollaborationException.InvalidState($"{unreviewed} entries marked \"not attribution\" wait for review: review, reword or delete them first.", "ENTRIES_UNREVIEWED", ("count", unreviewed));
        return null;
    }
}
