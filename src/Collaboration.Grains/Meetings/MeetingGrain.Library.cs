namespace Collaboration.Meetings;

/// <summary>Meetings use the dialogue's library: a library document listed among a meeting's documents.</summary>
public sealed partial class MeetingGrain
{
    public async Task<MeetingChange> AttachLibraryDocumentAsync(Caller caller, string libraryDocumentId)
    {
        var directory = await DirectoryAsync();
        Authorize(caller, directory, MeetingAction.ManageDocuments);
        EnsureState(MeetingAction.ManageDocuments, caller.PersonId);
        // The library decides whether the document exists for this caller (NOT_FOUND otherwise), and remembers that this
        // meeting lists it, to tell it if the document is removed.
        var document = await grains.GetGrain<IDocumentLibraryGrain>(DialogueKey).ListedByMeetingAsync(caller, libraryDocumentId, Key);
        if (State.Documents.Any(d => d.LibraryDocumentId == document.Id))
            return await SaveAsync(directory, caller, []);
        if (State.Documents.Count >= MeetingDocuments.MaxPerMeeting)
            throw CollaborationException.Validation($"A meeting holds at most {MeetingDocuments.MaxPerMeeting} documents.", "documentId");
        // The title in the meeting's first working language; readers see the library's titles in theirs.
        var title = document.TitleIn(State.Details?.WorkingLanguages.FirstOrDefault());
        State.Documents.Add(new MeetingDocument(Guid.CreateVersion7().ToString("N"), title, document.Kind, document.Visibility,
            null, null, null, null, null, clock.GetUtcNow(), document.Id));
        Audit(caller, "document-attached", $"Attached the library's {document.Kind} '{title}'.");
        return await SaveAsync(directory, caller, []);
    }

    public async Task LibraryDocumentRemovedAsync(string libraryDocumentId, string removedBy)
    {
        var removed = State.Exists ? State.Documents.FindAll(d => d.LibraryDocumentId == libraryDocumentId) : [];
        if (removed.Count == 0)
            return;
        foreach (var document in removed)
        {
            State.Documents.Remove(document);
            State.Sessions = [.. State.Sessions.Select(s => s.DiscussionGuideDocumentId == document.Id ? s with { DiscussionGuideDocumentId = null } : s)];
            State.Audit.Add(new AuditEntry(clock.GetUtcNow(), removedBy, "document-removed", $"The {document.Kind} '{document.Title}' was removed from the library, and so from this meeting."));
        }
        State.Version++;
        await state.WriteOrForgetAsync();
        await PublishAsync();
    }

    /// <summary>Tells the library that the meeting no longer lists one of its documents (one-way: the removal stands either way).</summary>
    private Task UnlistLibraryDocumentAsync(MeetingDocument document) =>
        document.LibraryDocumentId is { } libraryId
            ? grains.GetGrain<IDocumentLibraryGrain>(DialogueKey).UnlistedByMeetingAsync(libraryId, Key)
            : Task.CompletedTask;
}
