namespace Collaboration.Meetings;

/// <summary>Meetings use the dialogue's library: a library document listed among a meeting's documents.</summary>
public sealed partial class MeetingGrain
{
    public async Task<MeetingChange> AttachLibraryDocumentAsync(Caller caller, string libraryDocumentId)
    {
        var directory = await DirectoryAsync();
        Authorize(caller, directory, MeetingAction.ManageDocuments);
        EnsureState(MeetingAction.ManageDocuments, caller.PersonId);
        // The library decides whether the document exists for this caller (NOT_FOUND otherwise).
        var document = await grains.GetGrain<IDocumentLibraryGrain>(DialogueKey).GetAsync(caller, libraryDocumentId);
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
}
