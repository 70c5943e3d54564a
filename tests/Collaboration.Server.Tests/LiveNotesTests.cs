using Microsoft.Extensions.DependencyInjection;
using System.IO.Compression;
using Collaboration.Notes;
using Collaboration.Server.Hubs;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;

namespace Collaboration.Server.Tests;

/// <summary>
/// Live notes through SignalR writer and viewer clients on the test server: order, catch-up, idempotent
/// retries, conflicts, who may write and read, the attribution guard, finalizing, exports, and the leak test.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LiveNotesTests(CollaborationFactory factory)
{
    /// <summary>
    /// A meeting in progress with two sessions: Italy's and Morocco's co-chairs and the staff rapporteur take
    /// notes; Italy and Egypt are invited and their delegates have accepted.
    /// </summary>
    private sealed record Notes(MeetingWorld World, string MeetingId, string Session1, string Session2, Func<string, Task<HubClient>> As);

    private async Task<Notes> NewNotesAsync(bool liveNotes = true, string guard = "WARN", int? capacity = 10)
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var (id, sessions) = await world.ChairedMeetingAsync(MeetingWorld.TwoSessions, ["it1", "ma1"], ["staff"], ["IT", "EG"], ["it2", "eg1"], open: true,
            details: MeetingWorld.Details(capacity: capacity, liveNotes: liveNotes, attributionGuard: guard));

        var clients = new List<HubClient>();
        async Task<HubClient> As(string alias)
        {
            var token = (await (await world.AsAsync(alias)).GraphQLAsync("mutation { createAccessToken(name: \"notes\") { token } }")).Data("createAccessToken", "token").GetValue<string>();
            return await HubClient.ConnectAsync(factory, token);
        }
        return new Notes(world, id, sessions[0], sessions[1], As);
    }

    private static async Task<HubException> Refused(Task call) => await Assert.ThrowsAsync<HubException>(() => call);

    [Fact]
    public async Task Viewers_receive_entries_in_order_and_catch_up_on_exactly_what_they_missed()
    {
        var notes = await NewNotesAsync();
        await using var writer = await notes.As("it1");
        await using var viewer = await notes.As("eg1");
        Assert.True((await writer.JoinAsync(notes.MeetingId)).MayWrite);
        var joined = await viewer.JoinAsync(notes.MeetingId);
        Assert.False(joined.MayWrite);
        Assert.Empty(joined.Entries);

        for (var i = 1; i <= 5; i++)
            Assert.Equal(i, (await writer.AppendAsync(notes.MeetingId, notes.Session1, $"Point {i} on mixed migration flows.")).Entry!.Seq);

        var received = await viewer.NextEntriesAsync(5);
        Assert.Equal([1L, 2, 3, 4, 5], received.Select(e => e.Seq));
        Assert.Equal(Enumerable.Range(1, 5).Select(i => $"Point {i} on mixed migration flows."), received.Select(e => e.Text));
        var lastSeen = received.Max(e => e.Change);

        // The viewer drops; meanwhile entries are added, one edited and one deleted.
        await viewer.DisposeAsync();
        var edited = (await writer.EditAsync(notes.MeetingId, 2, 1, "Point 2, corrected.")).Entry!;
        await writer.DeleteAsync(notes.MeetingId, 4, 1);
        await writer.AppendAsync(notes.MeetingId, notes.Session2, "Remittances lower poverty.");
        await writer.AppendAsync(notes.MeetingId, notes.Session2, "Diaspora engagement needs trust.");

        await using var back = await notes.As("eg1");
        var caughtUp = await back.JoinAsync(notes.MeetingId, lastSeen);
        Assert.Equal([2L, 4, 6, 7], caughtUp.Entries.Select(e => e.Seq));
        Assert.Equal(edited, caughtUp.Entries[0]);
        Assert.True(caughtUp.Entries[1].Deleted);
        Assert.Equal("", caughtUp.Entries[1].Text);
        Assert.Equal(caughtUp.Entries.Max(e => e.Change), caughtUp.LastChange);

        var everything = await back.JoinAsync(notes.MeetingId, 0);
        Assert.Equal([1L, 2, 3, 4, 5, 6, 7], everything.Entries.Select(e => e.Seq));
    }

    [Fact]
    public async Task An_entry_event_arriving_after_its_catch_up_reaches_viewers_once()
    {
        // A catch-up (after a renewal, or a gap in change numbers) can send a change before its own event
        // arrives from the grain: the relay passes each change on once.
        var notes = await NewNotesAsync();
        await using var writer = await notes.As("it1");
        await using var viewer = await notes.As("eg1");
        await writer.JoinAsync(notes.MeetingId);
        await viewer.JoinAsync(notes.MeetingId);
        var first = (await writer.AppendAsync(notes.MeetingId, notes.Session1, "Labour migration pathways.")).Entry!;
        Assert.Equal([1L], (await viewer.NextEntriesAsync(1)).Select(e => e.Seq));

        await factory.Services.GetRequiredService<NotesRelay>().PublishAsync(new NotesEvent(notes.MeetingId, NotesEventKind.EntryAdded, first, null, null));
        await writer.AppendAsync(notes.MeetingId, notes.Session1, "Return and reintegration.");

        Assert.Equal([2L], (await viewer.NextEntriesAsync(1)).Select(e => e.Seq));
    }

    [Fact]
    public async Task A_retried_append_never_doubles()
    {
        var notes = await NewNotesAsync();
        await using var writer = await notes.As("staff");
        await using var viewer = await notes.As("it2");
        await viewer.JoinAsync(notes.MeetingId);
        var clientId = Guid.NewGuid();

        var first = await writer.AppendAsync(notes.MeetingId, notes.Session1, "Return must be voluntary.", clientId);
        var retry = await writer.AppendAsync(notes.MeetingId, notes.Session1, "Return must be voluntary.", clientId);
        await writer.AppendAsync(notes.MeetingId, notes.Session1, "Next point.");

        Assert.Equal(first.Entry, retry.Entry);
        Assert.Equal([1L, 2], (await viewer.NextEntriesAsync(2)).Select(e => e.Seq));
        Assert.Equal(2, (await viewer.JoinAsync(notes.MeetingId)).Entries.Count);
    }

    [Fact]
    public async Task Two_note_takers_editing_one_entry_never_overwrite_each_other()
    {
        var notes = await NewNotesAsync();
        await using var a = await notes.As("it1");
        await using var b = await notes.As("ma1");
        var entry = (await a.AppendAsync(notes.MeetingId, notes.Session1, "Border management needs cooperation.")).Entry!;

        var first = await a.EditAsync(notes.MeetingId, entry.Seq, entry.Version, "Border management needs regional cooperation.");
        var second = await b.EditAsync(notes.MeetingId, entry.Seq, entry.Version, "Border management needs more cooperation.");

        Assert.Null(first.Code);
        Assert.Equal("CONFLICT", second.Code);
        Assert.Equal("Border management needs regional cooperation.", second.Entry!.Text);
        Assert.Equal(2, second.Entry.Version);
        Assert.Equal("CONFLICT", (await b.DeleteAsync(notes.MeetingId, entry.Seq, entry.Version)).Code);
        var merged = await b.EditAsync(notes.MeetingId, entry.Seq, second.Entry.Version, "Border management needs more regional cooperation.");
        Assert.Equal(3, merged.Entry!.Version);
    }

    [Fact]
    public async Task Viewers_see_which_entry_is_being_edited_and_how_many_take_notes_never_who()
    {
        var notes = await NewNotesAsync();
        await using var viewer = await notes.As("it2");
        await viewer.JoinAsync(notes.MeetingId);
        await using var writer = await notes.As("ma1");
        Assert.Equal(1, (await writer.JoinAsync(notes.MeetingId)).NoteTakersOnline);
        // The viewer's own join announced 0 note-takers; the writer's join announces 1.
        while ((await viewer.NextAsync(nameof(INotesClient.NoteTakersOnline)))[1].GetInt32() != 1)
        {
        }
        var entry = (await writer.AppendAsync(notes.MeetingId, notes.Session1, "Data collection remains uneven.")).Entry!;

        await writer.Connection.InvokeAsync(nameof(NotesHub.StartEditing), notes.MeetingId, entry.Seq, TestContext.Current.CancellationToken);
        var started = await viewer.NextAsync(nameof(INotesClient.EditingStarted));
        await writer.Connection.InvokeAsync(nameof(NotesHub.StopEditing), notes.MeetingId, entry.Seq, TestContext.Current.CancellationToken);
        var stopped = await viewer.NextAsync(nameof(INotesClient.EditingStopped));

        Assert.Equal(["\"" + notes.MeetingId + "\"", "1"], started.Select(a => a.GetRawText()));
        Assert.Equal(["\"" + notes.MeetingId + "\"", "1"], stopped.Select(a => a.GetRawText()));
    }

    [Fact]
    public async Task Only_note_takers_write_and_only_participants_follow()
    {
        var notes = await NewNotesAsync();
        await using var participant = await notes.As("it2");
        await participant.JoinAsync(notes.MeetingId);
        await using var outsider = await notes.As("outsider");

        Assert.StartsWith("FORBIDDEN:", (await Refused(participant.AppendAsync(notes.MeetingId, notes.Session1, "I write too."))).Message.Split("HubException: ")[^1], StringComparison.Ordinal);
        Assert.Contains("HubException: NOT_FOUND:", (await Refused(outsider.JoinAsync(notes.MeetingId))).Message, StringComparison.Ordinal);
        Assert.Contains("HubException: NOT_FOUND:", (await Refused(outsider.AppendAsync(notes.MeetingId, notes.Session1, "Hello."))).Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Connected, participant.Connection.State);
        Assert.Equal(HubConnectionState.Connected, outsider.Connection.State);
        Assert.Empty((await participant.JoinAsync(notes.MeetingId)).Entries);

        var closed = await NewNotesAsync(liveNotes: false);
        await using var closedParticipant = await closed.As("it2");
        Assert.Contains("HubException: FORBIDDEN:", (await Refused(closedParticipant.JoinAsync(closed.MeetingId))).Message, StringComparison.Ordinal);
        await using var secretariat = await closed.As("staff");
        Assert.True((await secretariat.JoinAsync(closed.MeetingId)).MayWrite);
    }

    [Fact]
    public async Task Viewers_who_lose_access_are_cut_off_at_once()
    {
        var notes = await NewNotesAsync();
        await using var writer = await notes.As("it1");
        await using var withdrawn = await notes.As("it2");
        await using var closedOff = await notes.As("eg1");
        await withdrawn.JoinAsync(notes.MeetingId);
        await closedOff.JoinAsync(notes.MeetingId);

        (await MeetingWorld.ChangeAsync(notes.World.Administrator, "withdrawInvitation(id: $id, personId: $p)", "($id: ID!, $p: ID!)",
            new { id = notes.MeetingId, p = notes.World.People["it2"] })).EnsureNoErrors();
        Assert.Equal("\"" + notes.MeetingId + "\"", (await withdrawn.NextAsync(nameof(INotesClient.NotesAccessRevoked)))[0].GetRawText());

        var meeting = await notes.World.ReadAsync(notes.MeetingId);
        (await MeetingWorld.ChangeAsync(notes.World.Administrator, "updateMeetingDetails(id: $id, details: $d, expectedVersion: $v)", "($id: ID!, $d: MeetingChangesInput!, $v: Int!)",
            new { id = notes.MeetingId, v = meeting["version"]!.GetValue<int>(), d = MeetingWorld.Details(capacity: 10, liveNotes: false) })).EnsureNoErrors();
        await closedOff.NextAsync(nameof(INotesClient.NotesAccessRevoked));

        await writer.AppendAsync(notes.MeetingId, notes.Session1, "Said after they left.");
        Assert.False(await withdrawn.ReceivesEntryWithinAsync(TimeSpan.FromSeconds(1)));
        Assert.False(await closedOff.ReceivesEntryWithinAsync(TimeSpan.FromSeconds(1)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("bell \u0007 in the text")]
    public async Task Bad_entries_are_refused_with_a_code_and_the_connection_stays(string text)
    {
        var notes = await NewNotesAsync();
        await using var writer = await notes.As("it1");
        await writer.JoinAsync(notes.MeetingId);

        Assert.Contains("HubException: VALIDATION:", (await Refused(writer.AppendAsync(notes.MeetingId, notes.Session1, text))).Message, StringComparison.Ordinal);
        Assert.Contains("HubException: VALIDATION/TEXT_TOO_LONG:", (await Refused(writer.AppendAsync(notes.MeetingId, notes.Session1, new string('x', 8001)))).Message, StringComparison.Ordinal);
        Assert.Contains("HubException: VALIDATION:", (await Refused(writer.AppendAsync(notes.MeetingId, "no-such-session", "Text."))).Message, StringComparison.Ordinal);
        Assert.Contains("HubException: VALIDATION:", (await Refused(writer.AppendAsync(notes.MeetingId, notes.Session1, "Text.", Guid.Empty))).Message, StringComparison.Ordinal);
        Assert.Contains("HubException: NOT_FOUND:", (await Refused(writer.EditAsync(notes.MeetingId, 99, 1, "Text."))).Message, StringComparison.Ordinal);
        Assert.Contains("HubException: VALIDATION:", (await Refused(writer.AppendAsync("not-a-meeting", notes.Session1, "Text."))).Message, StringComparison.Ordinal);

        Assert.Equal(HubConnectionState.Connected, writer.Connection.State);
        Assert.Equal(8000, (await writer.AppendAsync(notes.MeetingId, notes.Session1, new string('x', 8000))).Entry!.Text.Length);
        Assert.Single((await writer.JoinAsync(notes.MeetingId)).Entries);
    }

    [Theory]
    [InlineData("The delegate of Morocco said that returns should be voluntary.", "A participant said that returns should be voluntary.")]
    [InlineData("Morocco's representative stressed data sharing.", "A participant stressed data sharing.")]
    [InlineData("According to Egypt, flows have shifted east.", "According to a delegation, flows have shifted east.")]
    [InlineData("UNHCR noted the protection gaps.", "A participating organisation noted the protection gaps.")]
    [InlineData("Mr Rossi stressed the need for legal pathways.", "A participant stressed the need for legal pathways.")]
    [InlineData("The Egyptian delegation proposed a pilot on circular migration.", "A delegation proposed a pilot on circular migration.")]
    [InlineData("According to the Tunisian representative, arrivals fell.", "According to a participant, arrivals fell.")]
    [InlineData("One Moroccan delegate described the new strategy.", "A participant described the new strategy.")]
    [InlineData("Selon le Maroc, la coopération progresse.", "Selon un participant, la coopération progresse.")]
    [InlineData("Le délégué de l'Égypte a souligné le rôle des villes.", "Un participant a souligné le rôle des villes.")]
    [InlineData("La délégation marocaine s'est félicitée de la proposition du Maroc.", "Une délégation s'est félicitée de la proposition d'un participant.")]
    [InlineData("قال مندوب المغرب إن العودة يجب أن تكون طوعية.", "قال أحد المشاركين إن العودة يجب أن تكون طوعية.")]
    [InlineData("أكد الوفد المغربي أهمية التعاون.", "أكد أحد الوفود أهمية التعاون.")]
    public async Task Attribution_is_stored_and_sent_to_nobody_and_comes_back_with_a_grammatical_rewording(string text, string rewording)
    {
        var notes = await NewNotesAsync();
        await using var viewer = await notes.As("eg1");
        await viewer.JoinAsync(notes.MeetingId);
        await using var writer = await notes.As("it1");

        var checkedAhead = await writer.CheckAsync(notes.MeetingId, text);
        var refused = await writer.AppendAsync(notes.MeetingId, notes.Session1, text);

        Assert.Equal(rewording, checkedAhead.Rewording);
        Assert.True(checkedAhead.OverrideAllowed);
        Assert.All(checkedAhead.Findings, f => Assert.Equal(f.Matched, text.Substring(f.Start, f.Length)));
        Assert.Equal("VALIDATION", refused.Code);
        Assert.Null(refused.Entry);
        Assert.Equal(rewording, refused.Attribution!.Rewording);
        Assert.Empty((await writer.JoinAsync(notes.MeetingId)).Entries);
        var taken = await writer.AppendAsync(notes.MeetingId, notes.Session1, rewording);
        Assert.Null(taken.Code);
        Assert.Equal(rewording, (await viewer.NextEntriesAsync(1)).Single().Text);
        Assert.DoesNotContain(viewer.Raw, p => p.Contains(text, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("A participant noted that Morocco has a long coastline.")]
    [InlineData("Flows from Libya to Italy rose sharply in 2011.")]
    [InlineData("Participants welcomed Tunisia's new national strategy.")]
    [InlineData("The role of UNHCR in resettlement was discussed.")]
    [InlineData("Les flux en provenance de la Libye ont augmenté.")]
    [InlineData("ناقش المشاركون دور المغرب كبلد عبور.")]
    public async Task Statements_without_attribution_pass_quietly(string text)
    {
        var notes = await NewNotesAsync();
        await using var writer = await notes.As("it1");

        Assert.Empty((await writer.CheckAsync(notes.MeetingId, text)).Findings);
        Assert.Equal(text, (await writer.AppendAsync(notes.MeetingId, notes.Session1, text)).Entry!.Text);
    }

    [Fact]
    public async Task The_guard_knows_the_people_of_the_whole_directory_not_only_the_meeting()
    {
        var notes = await NewNotesAsync();
        await using var writer = await notes.As("it1");
        Assert.Empty((await writer.CheckAsync(notes.MeetingId, "Asante stressed the point.")).Findings);

        await notes.World.AddAsync("gh1", "Kofi Asante", "DELEGATE", state: "MT");

        var result = await writer.CheckAsync(notes.MeetingId, "Asante stressed the point.");
        Assert.Equal(AttributionFindingKind.Person, Assert.Single(result.Findings).Kind);
        Assert.Equal("A participant stressed the point.", result.Rewording);
    }

    [Fact]
    public async Task Checking_while_typing_stores_logs_and_sends_nothing()
    {
        var notes = await NewNotesAsync();
        await using var viewer = await notes.As("eg1");
        await viewer.JoinAsync(notes.MeetingId);
        await using var writer = await notes.As("ma1");
        var logsBefore = factory.Logs.Messages.Count;
        var text = "The delegate of Egypt proposed a pilot on " + Guid.NewGuid().ToString("N");

        var result = await writer.CheckAsync(notes.MeetingId, text);

        Assert.Equal(AttributionFindingKind.Delegation, Assert.Single(result.Findings).Kind);
        Assert.Equal("The delegate of Egypt", result.Findings[0].Matched);
        Assert.False(await viewer.ReceivesEntryWithinAsync(TimeSpan.FromMilliseconds(500)));
        Assert.Empty((await writer.JoinAsync(notes.MeetingId)).Entries);
        Assert.DoesNotContain(factory.Logs.Messages.Skip(logsBefore), m => m.Contains(text[^32..], StringComparison.Ordinal));
        Assert.DoesNotContain(viewer.Raw, p => p.Contains(text[^32..], StringComparison.Ordinal));
        await using var participant = await notes.As("it2");
        Assert.Contains("HubException: FORBIDDEN:", (await Refused(participant.CheckAsync(notes.MeetingId, text))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_false_positive_marked_not_attribution_reaches_readers_only_once_reviewed()
    {
        var notes = await NewNotesAsync();
        await using var reader = await notes.As("eg1");
        await reader.JoinAsync(notes.MeetingId);
        await using var otherCoChair = await notes.As("ma1");
        await otherCoChair.JoinAsync(notes.MeetingId);
        await using var writer = await notes.As("it1");
        // The writer knows better than the guard (the host announced the venue, which is public): "not attribution".
        var flagged = "Morocco said that the next meeting would take place in spring " + Guid.NewGuid().ToString("N");
        Assert.NotEmpty((await writer.CheckAsync(notes.MeetingId, flagged)).Findings);

        var marked = (await writer.AppendAsync(notes.MeetingId, notes.Session1, flagged, notAttribution: true)).Entry!;

        Assert.Equal(ReviewMark.Unreviewed, marked.Review);
        Assert.Equal(flagged, (await otherCoChair.NextEntriesAsync(1)).Single().Text);
        var withheld = (await reader.NextEntriesAsync(1)).Single();
        Assert.Equal((marked.Seq, ReviewMark.Unreviewed, ""), (withheld.Seq, withheld.Review, withheld.Text));
        Assert.Equal("", (await reader.JoinAsync(notes.MeetingId)).Entries.Single().Text);
        Assert.DoesNotContain(reader.Raw, p => p.Contains(flagged[^32..], StringComparison.Ordinal));
        var draft = await (await notes.World.AsAsync("eg1")).GraphQLAsync("query($id: ID!) { meetingNotes(id: $id) { markdown } }", new { id = notes.MeetingId });
        Assert.DoesNotContain(flagged[^32..], draft.Raw, StringComparison.Ordinal);

        var reviewed = (await otherCoChair.ReviewAsync(notes.MeetingId, marked.Seq, marked.Version)).Entry!;

        Assert.Equal(ReviewMark.Reviewed, reviewed.Review);
        Assert.Equal(flagged, (await reader.NextEntriesAsync(1)).Single().Text);
        Assert.Contains("HubException: INVALID_STATE:", (await Refused(writer.ReviewAsync(notes.MeetingId, marked.Seq, reviewed.Version))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_strict_meeting_allows_no_not_attribution_and_stores_nothing()
    {
        var notes = await NewNotesAsync(guard: "STRICT");
        await using var writer = await notes.As("it1");

        var logsBefore = factory.Logs.Messages.Count;
        var refused = await writer.AppendAsync(notes.MeetingId, notes.Session1, "The delegate of Morocco said that returns should be voluntary.", notAttribution: true);

        Assert.Equal("VALIDATION", refused.Code);
        Assert.Null(refused.Entry);
        Assert.False(refused.Attribution!.OverrideAllowed);
        Assert.Equal("A participant said that returns should be voluntary.", refused.Attribution.Rewording);
        Assert.DoesNotContain("Morocco", refused.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Logs.Messages.Skip(logsBefore), m => m.Contains("returns should be voluntary", StringComparison.Ordinal));
        Assert.Empty((await writer.JoinAsync(notes.MeetingId)).Entries);
        var entry = (await writer.AppendAsync(notes.MeetingId, notes.Session1, "Data sharing matters.")).Entry!;
        Assert.Equal("VALIDATION", (await writer.EditAsync(notes.MeetingId, entry.Seq, entry.Version, "According to Egypt, data sharing matters.", notAttribution: true)).Code);
        Assert.Equal("Data sharing matters.", (await writer.JoinAsync(notes.MeetingId)).Entries.Single().Text);
        Assert.Null((await writer.AppendAsync(notes.MeetingId, notes.Session1, "A participant said that returns should be voluntary.")).Code);
        Assert.Equal(2, (await writer.JoinAsync(notes.MeetingId)).Entries.Count);
        Assert.True((await writer.JoinAsync(notes.MeetingId)).Access.Strict);
    }

    [Fact]
    public async Task The_secretariat_sets_a_meeting_strict_without_touching_its_other_settings()
    {
        var notes = await NewNotesAsync();
        var before = await SignOffAsync(notes);

        (await MeetingWorld.ChangeAsync(notes.World.Administrator, "setNotesSettings(id: $id, attributionGuard: STRICT, expectedVersion: $v)", "($id: ID!, $v: Int!)",
            new { id = notes.MeetingId, v = before["version"]!.GetValue<int>() })).EnsureNoErrors();

        var after = await SignOffAsync(notes);
        Assert.Equal("STRICT", after["attributionGuard"]!.GetValue<string>());
        Assert.Equal(before["liveNotesForParticipants"]!.GetValue<bool>(), after["liveNotesForParticipants"]!.GetValue<bool>());
        Assert.Equal(before["visibility"]!.GetValue<string>(), after["visibility"]!.GetValue<string>());
        await using var writer = await notes.As("it1");
        Assert.False((await writer.AppendAsync(notes.MeetingId, notes.Session1, "Morocco said yes.", notAttribution: true)).Attribution!.OverrideAllowed);
        var coChairTries = await (await notes.World.AsAsync("it1")).GraphQLAsync(
            "mutation($id: ID!, $v: Int!) { setNotesSettings(id: $id, attributionGuard: WARN, expectedVersion: $v) { meeting { version } } }",
            new { id = notes.MeetingId, v = after["version"]!.GetValue<int>() });
        Assert.Equal("FORBIDDEN", coChairTries.Code);
    }

    [Fact]
    public async Task The_secretariat_takes_notes_too()
    {
        var notes = await NewNotesAsync();
        await notes.World.AddAsync("staff2", "Second Secretariat Officer", "SECRETARIAT");
        await using var staff = await notes.As("staff2");

        var joined = await staff.JoinAsync(notes.MeetingId);
        var entry = (await staff.AppendAsync(notes.MeetingId, notes.Session1, "The discussion turned to data on returns.")).Entry!;

        Assert.True(joined.MayWrite);
        Assert.True(joined.Access.NoteTaker);
        Assert.False(joined.Access.MayApprove);
        Assert.Equal(1, entry.Seq);
    }

    [Fact]
    public async Task Sessions_close_one_by_one_and_every_co_chair_approves_before_the_notes_are_final()
    {
        var notes = await NewNotesAsync();
        await using var italy = await notes.As("it1");
        await using var morocco = await notes.As("ma1");
        await using var rapporteur = await notes.As("staff");
        await using var viewer = await notes.As("eg1");
        await viewer.JoinAsync(notes.MeetingId);
        await italy.AppendAsync(notes.MeetingId, notes.Session1, "Smuggling networks adapt quickly.");
        var marked = (await italy.AppendAsync(notes.MeetingId, notes.Session2, "Morocco said that remittances rose.", notAttribution: true)).Entry!;

        var closed = await italy.CloseSessionAsync(notes.MeetingId, notes.Session1);
        Assert.Equal([notes.Session1], closed.SignOff.ClosedSessionIds);
        var signOff = (await viewer.NextAsync(nameof(INotesClient.SignOffChanged)))[1].Deserialize<NotesSignOff>(NotesJson.Options)!;
        Assert.Equal(1, signOff.Unreviewed);
        Assert.Contains("HubException: INVALID_STATE/SESSION_CLOSED:", (await Refused(morocco.AppendAsync(notes.MeetingId, notes.Session1, "Too late for this session."))).Message, StringComparison.Ordinal);
        Assert.Null((await morocco.AppendAsync(notes.MeetingId, notes.Session2, "The second session goes on.")).Code);

        // Approval needs every session closed, then nothing waiting for review; only co-chairs approve.
        Assert.Contains("HubException: INVALID_STATE/SESSIONS_OPEN:", (await Refused(italy.ApproveAsync(notes.MeetingId))).Message, StringComparison.Ordinal);
        await morocco.CloseSessionAsync(notes.MeetingId, notes.Session2);
        Assert.Contains("HubException: INVALID_STATE/ENTRIES_UNREVIEWED:", (await Refused(italy.ApproveAsync(notes.MeetingId))).Message, StringComparison.Ordinal);
        Assert.Equal(ReviewMark.Reviewed, (await morocco.ReviewAsync(notes.MeetingId, marked.Seq, marked.Version)).Entry!.Review);
        Assert.Contains("HubException: FORBIDDEN:", (await Refused(rapporteur.ApproveAsync(notes.MeetingId))).Message, StringComparison.Ordinal);
        Assert.Contains("HubException: FORBIDDEN:", (await Refused(viewer.ApproveAsync(notes.MeetingId))).Message, StringComparison.Ordinal);

        var first = await italy.ApproveAsync(notes.MeetingId);
        Assert.Equal((1, 2, false, true), (first.SignOff.Approvals, first.SignOff.ApprovalsNeeded, first.SignOff.Finalized, first.Access.Approved));
        // The other co-chair is not locked out: the notes are not final until they approve too.
        Assert.False((await morocco.JoinAsync(notes.MeetingId)).Finalized);

        // Reopening a session lets the approvals lapse.
        await morocco.ReopenSessionAsync(notes.MeetingId, notes.Session2);
        var edited = (await morocco.AppendAsync(notes.MeetingId, notes.Session2, "A last point on data.")).Entry!;
        Assert.Equal(0, (await morocco.CloseSessionAsync(notes.MeetingId, notes.Session2)).SignOff.Approvals);
        await italy.ApproveAsync(notes.MeetingId);
        var last = await morocco.ApproveAsync(notes.MeetingId);

        Assert.True(last.SignOff.Finalized);
        await viewer.NextAsync(nameof(INotesClient.NotesFinalized));
        Assert.Contains("HubException: INVALID_STATE:", (await Refused(italy.EditAsync(notes.MeetingId, edited.Seq, edited.Version, "Too late."))).Message, StringComparison.Ordinal);
        var meeting = await SignOffAsync(notes);
        Assert.Equal(["Italian Co-chair", "Moroccan Co-chair"], meeting["notesApprovals"]!.AsArray().Select(a => a!["approvedBy"]!["name"]!.GetValue<string>()).Order());
        Assert.Contains(meeting["auditTrail"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "notes-approved");

        // The secretariat reopens with a reason, written to the administrative audit; the approvals lapse.
        Assert.Contains("HubException: FORBIDDEN:", (await Refused(italy.ReopenNotesAsync(notes.MeetingId, "A typo."))).Message, StringComparison.Ordinal);
        Assert.Contains("HubException: VALIDATION/REQUIRED:", (await Refused(rapporteur.ReopenNotesAsync(notes.MeetingId, " "))).Message, StringComparison.Ordinal);
        var reopened = await rapporteur.ReopenNotesAsync(notes.MeetingId, "The co-chairs asked to correct the figures on returns.");
        Assert.False(reopened.SignOff.Finalized);
        await viewer.NextAsync(nameof(INotesClient.NotesReopened));
        meeting = await SignOffAsync(notes);
        Assert.Empty(meeting["notesApprovals"]!.AsArray());
        Assert.Contains(meeting["auditTrail"]!.AsArray(), e => e!["summary"]!.GetValue<string>() == "Reopened the final notes: The co-chairs asked to correct the figures on returns.");
        await morocco.ReopenSessionAsync(notes.MeetingId, notes.Session2);
        Assert.Null((await morocco.EditAsync(notes.MeetingId, edited.Seq, edited.Version, "A last point on data and statistics.")).Code);
    }

    /// <summary>The meeting's notes settings, approvals and audit, as the secretariat reads them.</summary>
    private static async Task<JsonNode> SignOffAsync(Notes notes) =>
        (await notes.World.Administrator.GraphQLAsync(
            "query($id: ID!) { meeting(id: $id) { version attributionGuard liveNotesForParticipants visibility notesApprovals { approvedBy { name } approvedAt } auditTrail { action summary } } }",
            new { id = notes.MeetingId })).EnsureNoErrors().Data("meeting");

    [Fact]
    public async Task Finalized_notes_are_read_only_and_participants_read_and_export_them_in_session_order()
    {
        var notes = await NewNotesAsync();
        await using var writer = await notes.As("staff");
        await using var italy = await notes.As("it1");
        await using var morocco = await notes.As("ma1");
        await using var viewer = await notes.As("it2");
        await viewer.JoinAsync(notes.MeetingId);
        await writer.AppendAsync(notes.MeetingId, notes.Session2, "Remittances are a private flow.");
        await writer.AppendAsync(notes.MeetingId, notes.Session1, "Smuggling networks adapt quickly.");
        await writer.AppendAsync(notes.MeetingId, notes.Session1, "<img src=x onerror=alert(1)> is not markup here; [a link](javascript:alert(1)) neither.");
        await writer.AppendAsync(notes.MeetingId, notes.Session1, "يجب تعزيز التعاون الإقليمي.");
        await writer.AppendAsync(notes.MeetingId, notes.Session1, "Le délégué souligne l'équité.\nPremière ligne suivie d'une autre.\r\n- pas une liste");
        var dropped = (await writer.AppendAsync(notes.MeetingId, notes.Session1, "To be deleted.")).Entry!;
        await writer.DeleteAsync(notes.MeetingId, dropped.Seq, dropped.Version);

        await HubClient.FinalizeAsync(notes.MeetingId, [notes.Session1, notes.Session2], italy, morocco);

        await viewer.NextAsync(nameof(INotesClient.NotesFinalized));
        Assert.Contains("HubException: INVALID_STATE:", (await Refused(writer.AppendAsync(notes.MeetingId, notes.Session1, "Too late."))).Message, StringComparison.Ordinal);
        Assert.Contains("HubException: INVALID_STATE:", (await Refused(writer.EditAsync(notes.MeetingId, 1, 1, "Too late."))).Message, StringComparison.Ordinal);
        Assert.True((await writer.JoinAsync(notes.MeetingId)).Finalized);

        var read = await (await notes.World.AsAsync("eg1")).GraphQLAsync(
            "query($id: ID!) { meetingNotes(id: $id) { finalized title sections { title entries } markdown } }", new { id = notes.MeetingId });
        var final = read.EnsureNoErrors().Data("meetingNotes");
        Assert.True(final["finalized"]!.GetValue<bool>());
        Assert.Equal(["Irregular and mixed migration flows", "Migration and development"], final["sections"]!.AsArray().Select(s => s!["title"]!.GetValue<string>()));
        Assert.Equal(
            ["Smuggling networks adapt quickly.", "<img src=x onerror=alert(1)> is not markup here; [a link](javascript:alert(1)) neither.", "يجب تعزيز التعاون الإقليمي.",
             "Le délégué souligne l'équité.\nPremière ligne suivie d'une autre.\n- pas une liste"],
            final["sections"]![0]!["entries"]!.AsArray().Select(e => e!.GetValue<string>()));
        var markdown = final["markdown"]!.GetValue<string>();
        Assert.StartsWith("# Summary of Discussions: MTM 10-Year Anniversary Event", markdown, StringComparison.Ordinal);
        Assert.Contains("<p dir=\"rtl\">يجب تعزيز التعاون الإقليمي.</p>", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("To be deleted", markdown, StringComparison.Ordinal);
        Assert.Contains("Le délégué souligne l'équité.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("&#", markdown, StringComparison.Ordinal);

        // Rendered by a standard Markdown renderer: the entry's lines stay lines, accents stay, nothing is markup.
        var html = Markdig.Markdown.ToHtml(markdown);
        Assert.Contains("<li>&lt;img src=x onerror=alert(1)&gt; is not markup here; [a link](javascript:alert(1)) neither.</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Le délégué souligne l'équité.<br />\nPremière ligne suivie d'une autre.<br />\n- pas une liste</li>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<a ", html, StringComparison.Ordinal);
        Assert.Equal("NOT_FOUND", (await (await notes.World.AsAsync("outsider")).GraphQLAsync("query($id: ID!) { meetingNotes(id: $id) { finalized } }", new { id = notes.MeetingId })).Code);

        var docx = await (await notes.World.AsAsync("eg1")).GetByteArrayAsync($"/meetings/{notes.MeetingId}/notes/summary.docx", TestContext.Current.CancellationToken);
        using var document = WordprocessingDocument.Open(new MemoryStream(docx), false);
        Assert.Equal("Mediterranean Transit Migration Dialogue", document.PackageProperties.Creator);
        Assert.Equal("Mediterranean Transit Migration Dialogue", document.PackageProperties.LastModifiedBy);
        var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<DocumentFormat.OpenXml.Wordprocessing.Paragraph>().ToList();
        var arabic = paragraphs.Single(p => p.InnerText == "يجب تعزيز التعاون الإقليمي.");
        Assert.NotNull(arabic.ParagraphProperties?.BiDi);
        Assert.True(paragraphs.FindIndex(p => p.InnerText == "Smuggling networks adapt quickly.") < paragraphs.FindIndex(p => p.InnerText == "Remittances are a private flow."));
        var lines = paragraphs.Single(p => p.InnerText.StartsWith("Le délégué", StringComparison.Ordinal));
        Assert.Equal(2, lines.Descendants<DocumentFormat.OpenXml.Wordprocessing.Break>().Count());
    }

    [Fact]
    public async Task Nothing_that_identifies_a_note_taker_or_a_translator_is_stored_logged_sent_or_exported()
    {
        var notes = await NewNotesAsync();
        // The sessions' moderators are named in the summary (the agenda makes them public): none of them takes notes.
        var moderators = new[] { ("sn1", "Senegalese Delegate"), ("eg2", "Second Egyptian Delegate") };
        await ModerateAsync(notes, moderators.Select(m => m.Item1).ToArray());
        // A translator of the dialogue, invited to the meeting so that they see it.
        await notes.World.AddAsync("tr", "Tariq Translator", "TRANSLATOR");
        (await MeetingWorld.ChangeAsync(notes.World.Administrator, "inviteToMeeting(id: $id, targets: $t)", "($id: ID!, $t: [InvitationTargetInput!]!)",
            new { id = notes.MeetingId, t = new[] { new { personId = notes.World.People["tr"] } } })).EnsureNoErrors();
        var identity = new List<string>();
        foreach (var alias in new[] { "ma1", "tr" })
        {
            var me = await (await notes.World.AsAsync(alias)).GraphQLAsync("{ viewer { person { id name email } } }");
            identity.Add(me.Data("viewer", "person", "id").GetValue<string>());
            identity.Add(me.Data("viewer", "person", "name").GetValue<string>());
            identity.Add(me.Data("viewer", "person", "email").GetValue<string>());
        }
        Assert.DoesNotContain(identity, value => moderators.Any(m => m.Item2 == value));
        var translator = await notes.World.AsAsync("tr");
        var translatorTraffic = new List<string>();
        await using var viewer = await notes.As("it2");
        await viewer.JoinAsync(notes.MeetingId);
        await using var writer = await notes.As("ma1");
        var logsBefore = factory.Logs.Messages.Count;
        var secret = "Confidential position " + Guid.NewGuid().ToString("N");

        await writer.JoinAsync(notes.MeetingId);
        var entry = (await writer.AppendAsync(notes.MeetingId, notes.Session1, secret)).Entry!;
        // An attributed entry is refused (and never logged); its rewording is taken; a false positive is marked and reviewed.
        Assert.Equal("VALIDATION", (await writer.AppendAsync(notes.MeetingId, notes.Session2, "قال مندوب المغرب إن التعاون ضروري.")).Code);
        var rewording = (await writer.CheckAsync(notes.MeetingId, "قال مندوب المغرب إن التعاون ضروري.")).Rewording!;
        await writer.AppendAsync(notes.MeetingId, notes.Session2, rewording);
        var marked = (await writer.AppendAsync(notes.MeetingId, notes.Session2, "Morocco said the pilot works.", notAttribution: true)).Entry!;
        await writer.ReviewAsync(notes.MeetingId, marked.Seq, marked.Version);
        await writer.Connection.InvokeAsync(nameof(NotesHub.StartEditing), notes.MeetingId, entry.Seq, TestContext.Current.CancellationToken);
        entry = (await writer.EditAsync(notes.MeetingId, entry.Seq, entry.Version, secret + " (edited)")).Entry!;
        await writer.Connection.InvokeAsync(nameof(NotesHub.StopEditing), notes.MeetingId, entry.Seq, TestContext.Current.CancellationToken);
        // The translator reads the notes beside their translation and translates while the notes are open…
        var translationSecret = "Position confidentielle " + secret[^32..];
        translatorTraffic.Add((await translator.GraphQLAsync(NotesTranslationTests.TranslationQuery, new { id = notes.MeetingId, l = "fr" })).EnsureNoErrors().Raw);
        translatorTraffic.Add((await NotesTranslationTests.TranslateAsync(translator, notes.MeetingId, "fr", entry, translationSecret)).EnsureNoErrors().Raw);
        translatorTraffic.Add((await NotesTranslationTests.TranslateAsync(translator, notes.MeetingId, "fr", marked, "Le Maroc a dit que le projet pilote fonctionne.")).Raw);
        var extra = (await writer.AppendAsync(notes.MeetingId, notes.Session1, "Deleted later.")).Entry!;
        await writer.DeleteAsync(notes.MeetingId, extra.Seq, extra.Version);
        await using var otherCoChair = await notes.As("it1");
        await HubClient.FinalizeAsync(notes.MeetingId, [notes.Session1, notes.Session2], writer, otherCoChair);
        await viewer.NextAsync(nameof(INotesClient.NotesFinalized));
        var secretariat = await notes.As("staff");
        await secretariat.ReopenNotesAsync(notes.MeetingId, "Checking the figures.");
        await secretariat.DisposeAsync();
        await HubClient.FinalizeAsync(notes.MeetingId, [], writer, otherCoChair);
        // …and once they are final.
        translatorTraffic.Add((await NotesTranslationTests.TranslateAsync(translator, notes.MeetingId, "ar", entry, "موقف سري " + secret[^32..])).EnsureNoErrors().Raw);
        translatorTraffic.Add((await translator.GraphQLAsync(NotesTranslationTests.TranslationQuery, new { id = notes.MeetingId, l = "ar" })).EnsureNoErrors().Raw);

        var emitted = new List<(string Where, string Text)>();
        emitted.AddRange(viewer.Raw.Select(p => ("hub payload to a viewer", p)));
        emitted.AddRange(writer.Raw.Select(p => ("hub payload to the writer", p)));
        var reader = await notes.World.AsAsync("eg1");
        emitted.AddRange(translatorTraffic.Select(t => ("GraphQL to the translator", t)));
        foreach (var language in new[] { "en", "fr", "ar" })
        {
            emitted.Add(("GraphQL", (await reader.GraphQLAsync(
                "query($id: ID!, $l: String) { meetingNotes(id: $id, language: $l) { meetingId finalized title languages sections { sessionId title entries } markdown } }",
                new { id = notes.MeetingId, l = language })).Raw));
            emitted.Add(("Markdown export", await reader.GetStringAsync($"/meetings/{notes.MeetingId}/notes/summary.md?language={language}", TestContext.Current.CancellationToken)));
            using var docx = new ZipArchive(new MemoryStream(await reader.GetByteArrayAsync($"/meetings/{notes.MeetingId}/notes/summary.docx?language={language}", TestContext.Current.CancellationToken)));
            foreach (var part in docx.Entries)
            {
                using var text = new StreamReader(part.Open());
                emitted.Add(($"DOCX part {part.FullName} ({language})", await text.ReadToEndAsync(TestContext.Current.CancellationToken)));
            }
        }
        emitted.AddRange(factory.Logs.Messages.Skip(logsBefore).Select(m => ("log", m)));
        emitted.AddRange(NotesRowsInStorage(notes.MeetingId).Select(row => ("storage", row)));

        Assert.Contains(emitted, e => e.Where == "storage" && e.Text.Contains(secret, StringComparison.Ordinal));
        Assert.Contains(emitted, e => e.Where == "Markdown export" && e.Text.Contains(secret, StringComparison.Ordinal));
        // The test cannot pass by printing nothing: the translation is stored and exported, and the moderators are named.
        Assert.Contains(emitted, e => e.Where == "storage" && e.Text.Contains(translationSecret, StringComparison.Ordinal));
        Assert.Contains(emitted, e => e.Where == "Markdown export" && e.Text.Contains(translationSecret, StringComparison.Ordinal));
        Assert.Contains(emitted, e => e.Where.StartsWith("DOCX part word/document.xml (ar)", StringComparison.Ordinal) && e.Text.Contains("موقف سري", StringComparison.Ordinal));
        foreach (var (_, name) in moderators)
        {
            Assert.Contains(emitted, e => e.Where == "Markdown export" && e.Text.Contains(name, StringComparison.Ordinal));
            Assert.Contains(emitted, e => e.Where.StartsWith("DOCX part word/document.xml", StringComparison.Ordinal) && e.Text.Contains(name, StringComparison.Ordinal));
        }
        foreach (var (where, text) in emitted)
        {
            foreach (var value in identity)
                Assert.False(text.Contains(value, StringComparison.OrdinalIgnoreCase), $"The note-taker's or translator's '{value}' appears in the {where}: {text}");
            if (where == "log")
            {
                Assert.False(text.Contains("Confidential position", StringComparison.Ordinal), $"Note text appears in a log: {text}");
                Assert.False(text.Contains(secret[^32..], StringComparison.Ordinal), $"Translated note text appears in a log: {text}");
            }
        }
    }

    /// <summary>Names a moderator for each of the meeting's sessions, in order (people by alias).</summary>
    private static async Task ModerateAsync(Notes notes, string[] moderators)
    {
        var version = (await notes.World.ReadAsync(notes.MeetingId))["version"]!.GetValue<int>();
        foreach (var (session, alias) in new[] { notes.Session1, notes.Session2 }.Zip(moderators))
        {
            version = (await MeetingWorld.ChangeAsync(notes.World.Administrator, "updateWorkingSession(id: $id, sessionId: $s, session: $c, expectedVersion: $v)",
                "($id: ID!, $s: ID!, $c: WorkingSessionChangesInput!, $v: Int!)",
                new { id = notes.MeetingId, s = session, v = version, c = new { moderatorIds = new[] { notes.World.People[alias] } } }))
                .EnsureNoErrors().Data("result", "meeting", "version").GetValue<int>();
        }
    }

    /// <summary>The stored state of the meeting's notes grain, chunks and translations, read straight from the SQLite file.</summary>
    private List<string> NotesRowsInStorage(string meetingId)
    {
        var rows = StoredStates.Read(factory.DatabasePath, "notes", "notes-chunk", "notes-translation")
            .Where(r => r.Key.Contains(meetingId[(meetingId.IndexOf('/') + 1)..], StringComparison.Ordinal))
            .Select(r => r.Type + " " + r.Text).ToList();
        Assert.NotEmpty(rows);
        return rows;
    }
}
