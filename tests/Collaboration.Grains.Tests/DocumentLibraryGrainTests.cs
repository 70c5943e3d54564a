using Collaboration.Documents;
using Collaboration.Meetings;
using static Collaboration.Grains.Tests.TestData;

namespace Collaboration.Grains.Tests;

/// <summary>A dialogue's library: who keeps it and who reads it, versions, language variants, the nearest language.</summary>
[Collection(ClusterCollection.Name)]
public sealed class DocumentLibraryGrainTests(ClusterFixture fixture)
{
    private sealed record World(string Key, IDocumentLibraryGrain Library, Caller Secretariat, Caller Delegate, Caller Outsider);

    private async Task<World> NewWorldAsync()
    {
        var key = NewKey();
        var dialogue = fixture.Grains.GetGrain<IDialogueGrain>(key);
        await dialogue.CreateAsync(Administrator, Settings());
        await dialogue.AddPartnerStateAsync(Administrator, new PartnerState("MA", "Morocco", 2002, "Arab"));
        async Task<Caller> Member(Membership membership)
        {
            var email = NewEmail();
            await dialogue.AddMemberAsync(Administrator, Profile(email), membership);
            return new Caller((await fixture.Grains.GetGrain<IAccountGrain>(email).FindPersonAsync())!, false);
        }
        var secretariat = await Member(new Membership([DialogueRole.Secretariat]));
        var delegate_ = await Member(new Membership([DialogueRole.Delegate], "MA"));
        return new World(key, fixture.Grains.GetGrain<IDocumentLibraryGrain>(key), secretariat, delegate_, new Caller("outsider-" + Guid.NewGuid().ToString("N"), false));
    }

    private static LibraryDocumentInput ConceptNote(MeetingVisibility visibility = MeetingVisibility.DialogueMembers) =>
        new(DocumentKind.ConceptNote, [new LocalizedText("fr", "Note conceptuelle"), new LocalizedText("en", "Concept note")], visibility);

    /// <summary>A document as a value: records holding lists compare the lists by reference.</summary>
    private static string Json(LibraryDocument document) => System.Text.Json.JsonSerializer.Serialize(document);

    private static LibraryFile File(string language, string name = "note.pdf") => new(language, "key-" + Guid.NewGuid().ToString("N"), name, "application/pdf", 1200);

    [Fact]
    public async Task The_secretariat_adds_documents_members_read_them_and_others_find_nothing()
    {
        var w = await NewWorldAsync();
        var members = await w.Library.AddAsync(w.Secretariat, ConceptNote());
        var open = await w.Library.AddAsync(w.Secretariat, ConceptNote(MeetingVisibility.Public) with { Kind = DocumentKind.Agenda });

        Assert.Equal(1, members.Version);
        Assert.Empty(members.Versions);
        Assert.Equal(2, (await w.Library.ListAsync(w.Delegate)).Documents.Count);
        Assert.False((await w.Library.ListAsync(w.Delegate)).ViewerIsSecretariat);
        Assert.Equal([open.Id], (await w.Library.ListAsync(w.Outsider)).Documents.Select(d => d.Id));
        Assert.Equal([open.Id], (await w.Library.ListAsync(null)).Documents.Select(d => d.Id));
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => w.Library.GetAsync(w.Outsider, members.Id)));
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => w.Library.GetAsync(null, members.Id)));
        Assert.Equal(open.Id, (await w.Library.GetAsync(null, open.Id)).Id);

        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => w.Library.AddAsync(w.Delegate, ConceptNote())));
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => w.Library.AddAsync(w.Outsider, ConceptNote())));
        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => w.Library.AddVariantAsync(w.Delegate, members.Id, File("en"), false)));
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => fixture.Grains.GetGrain<IDocumentLibraryGrain>(NewKey()).ListAsync(null)));
    }

    [Fact]
    public async Task Files_are_added_per_language_and_a_new_version_starts_with_its_own_files()
    {
        var w = await NewWorldAsync();
        var doc = await w.Library.AddAsync(w.Secretariat, ConceptNote());
        doc = await w.Library.AddVariantAsync(w.Secretariat, doc.Id, File("fr", "note-fr.pdf"), false, doc.Version);
        doc = await w.Library.AddVariantAsync(w.Secretariat, doc.Id, File("en", "note-en.pdf"), false, doc.Version);
        Assert.Equal(1, doc.Current!.Number);
        Assert.Equal(["fr", "en"], doc.Current.Variants.Select(v => v.Language));

        // The same language again replaces that language's file in the current version.
        doc = await w.Library.AddVariantAsync(w.Secretariat, doc.Id, File("en", "note-en-corrected.pdf"), false);
        Assert.Equal(["note-fr.pdf", "note-en-corrected.pdf"], doc.Current!.Variants.Select(v => v.FileName));

        doc = await w.Library.AddVariantAsync(w.Secretariat, doc.Id, File("en", "note-v2.pdf"), true, doc.Version);
        Assert.Equal([1, 2], doc.Versions.Select(v => v.Number));
        Assert.Equal(["en"], doc.Current!.Variants.Select(v => v.Language));
        Assert.Equal(2, doc.Versions[0].Variants.Count);
        Assert.Equal(5, doc.Version);
    }

    [Fact]
    public void The_nearest_file_is_the_language_asked_else_the_first_titles_language_else_the_first_added()
    {
        var now = DateTimeOffset.UnixEpoch;
        LibraryVariant V(string language) => new(language, "k" + language, language + ".pdf", "application/pdf", 1, now);
        var titles = new[] { new LocalizedText("fr", "Note"), new LocalizedText("en", "Note") };
        var both = new LibraryVersion(1, [V("en"), V("fr")], now);

        Assert.Equal("en", LibraryLanguages.Nearest(both, titles, "en")!.Language);
        Assert.Equal("fr", LibraryLanguages.Nearest(both, titles, "ar")!.Language);
        Assert.Equal("fr", LibraryLanguages.Nearest(both, titles, null)!.Language);
        Assert.Equal("en", LibraryLanguages.Nearest(new LibraryVersion(1, [V("en"), V("ar")], now), titles, "es")!.Language);
        Assert.Null(LibraryLanguages.Nearest(new LibraryVersion(1, [], now), titles, "en"));
        Assert.Null(LibraryLanguages.Nearest(null, titles, "en"));
    }

    [Fact]
    public async Task A_stale_expected_version_is_a_conflict_and_changes_nothing()
    {
        var w = await NewWorldAsync();
        var doc = await w.Library.AddAsync(w.Secretariat, ConceptNote());
        var updated = await w.Library.UpdateAsync(w.Secretariat, doc.Id, doc.Version, new LibraryDocumentInput(DocumentKind.Report, null, null));
        Assert.Equal(DocumentKind.Report, updated.Kind);
        Assert.Equal(doc.Titles, updated.Titles);

        Assert.Equal(ErrorCode.Conflict, await RefusalOf(() => w.Library.UpdateAsync(w.Secretariat, doc.Id, doc.Version, new LibraryDocumentInput(DocumentKind.Agenda, null, null))));
        Assert.Equal(ErrorCode.Conflict, await RefusalOf(() => w.Library.AddVariantAsync(w.Secretariat, doc.Id, File("en"), false, doc.Version)));
        Assert.Equal(ErrorCode.Conflict, await RefusalOf(() => w.Library.RemoveAsync(w.Secretariat, doc.Id, doc.Version)));
        Assert.Equal(Json(updated), Json(await w.Library.GetAsync(w.Secretariat, doc.Id)));

        doc = await w.Library.AddVariantAsync(w.Secretariat, doc.Id, File("en"), false, updated.Version);
        var released = await w.Library.RemoveAsync(w.Secretariat, doc.Id, doc.Version);
        Assert.Equal([doc.Current!.Variants[0].StorageKey], released);
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => w.Library.GetAsync(w.Secretariat, doc.Id)));
    }

    [Fact]
    public async Task Every_bad_field_is_refused_at_once_and_nothing_is_written()
    {
        var w = await NewWorldAsync();
        var e = await Assert.ThrowsAsync<CollaborationException>(() => w.Library.AddAsync(w.Secretariat,
            new LibraryDocumentInput(null, [new LocalizedText("es", "Nota"), new LocalizedText("en", "")], MeetingVisibility.Participants)));
        Assert.Equal(ErrorCode.Validation, e.Code);
        Assert.Equal(["kind", "titles.es", "visibility"], e.FieldProblems.Select(p => p.Field).Order());
        Assert.Contains(e.FieldProblems, p => p.Reason == "NOT_A_WORKING_LANGUAGE");
        Assert.Empty((await w.Library.ListAsync(w.Secretariat)).Documents);

        var doc = await w.Library.AddAsync(w.Secretariat, ConceptNote());
        var bad = await Assert.ThrowsAsync<CollaborationException>(() => w.Library.AddVariantAsync(w.Secretariat, doc.Id,
            new LibraryFile("de", "k", "note.exe", "application/x-msdownload", 0), false));
        Assert.Equal(["file", "file", "language"], bad.FieldProblems.Select(p => p.Field).Order());
        Assert.Equal(Json(doc), Json(await w.Library.GetAsync(w.Secretariat, doc.Id)));
    }

    [Fact]
    public async Task An_idempotency_key_makes_a_retry_answer_the_first_document()
    {
        var w = await NewWorldAsync();
        var first = await w.Library.AddAsync(w.Secretariat, ConceptNote(), "retry-1");
        var again = await w.Library.AddAsync(w.Secretariat, ConceptNote(), "retry-1");
        Assert.Equal(Json(first), Json(again));
        Assert.Single((await w.Library.ListAsync(w.Secretariat)).Documents);
    }

    [Fact]
    public async Task A_meeting_lists_a_library_document_by_reference_once()
    {
        var w = await NewWorldAsync();
        var doc = await w.Library.AddAsync(w.Secretariat, ConceptNote());
        var meeting = fixture.Grains.GetGrain<IMeetingGrain>(MeetingKey.New(w.Key));
        await meeting.CreateAsync(w.Secretariat, MeetingDetailsForm.Of(new MeetingDetails(
            [new LocalizedText("en", "Expert meeting")], [], MeetingType.ExpertMeeting, null, "MA", "Rabat", null, "Africa/Casablanca",
            new DateTime(2030, 6, 3, 9, 0, 0), new DateTime(2030, 6, 3, 17, 0, 0), ["en", "fr"], false, null, MeetingVisibility.DialogueMembers, true, AttributionGuard.Warn)));

        Assert.Contains(await RefusalOf(() => meeting.AttachLibraryDocumentAsync(w.Delegate, doc.Id)), new[] { ErrorCode.Forbidden, ErrorCode.NotFound });
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => meeting.AttachLibraryDocumentAsync(w.Secretariat, "no-such-document")));
        var attached = (await meeting.AttachLibraryDocumentAsync(w.Secretariat, doc.Id)).Meeting.Documents.Single();
        Assert.Equal(doc.Id, attached.LibraryDocumentId);
        Assert.Equal("Concept note", attached.Title);
        Assert.Equal(DocumentKind.ConceptNote, attached.Kind);
        Assert.Single((await meeting.AttachLibraryDocumentAsync(w.Secretariat, doc.Id)).Meeting.Documents);
    }
}
