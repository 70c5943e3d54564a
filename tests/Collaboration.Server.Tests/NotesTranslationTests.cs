using Collaboration.Notes;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;

namespace Collaboration.Server.Tests;

/// <summary>
/// Translations of a meeting's notes (notesTranslation, translateNote) and the Summary of Discussions in each
/// working language, through GraphQL and the export endpoints: who translates, staleness, conflicts, the
/// attribution guard, and the summary's layout from the seed (delegations, sessions, notes, localized headings).
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class NotesTranslationTests(CollaborationFactory factory)
{
    /// <summary>
    /// A meeting in progress, seen by the dialogue's members, with two sessions (the first with titles in three
    /// languages, objectives, a moderator and a discussion guide), co-chaired by Italy and Morocco; Italy, Egypt
    /// and UNHCR accepted, the League of Arab States takes part as an observer, Senegal declined. A translator
    /// ("tr") belongs to the dialogue. The staff rapporteur has written three entries.
    /// </summary>
    internal sealed record TranslatedMeeting(MeetingWorld World, string MeetingId, string Session1, string Session2, IReadOnlyList<NoteEntry> Entries, HubClient Writer);

    internal static async Task<TranslatedMeeting> NewMeetingAsync(CollaborationFactory factory, Func<MeetingWorld, Task>? beforeMeeting = null)
    {
        var world = await MeetingWorld.CreateAsync(factory);
        (await world.Administrator.GraphQLAsync(
            "mutation($k: String!, $o: OrganisationInput!) { addObserver(key: $k, organisation: $o) { version } }",
            new { k = world.Key, o = new { key = "las", name = "League of Arab States", acronym = "LAS" } })).EnsureNoErrors();
        await world.AddAsync("las1", "Arab League Envoy", "OBSERVER", organisation: "las");
        await world.AddAsync("tr", "Tariq Translator", "TRANSLATOR");
        if (beforeMeeting is not null)
            await beforeMeeting(world);
        var (id, sessions) = await world.ChairedMeetingAsync(MeetingWorld.TwoSessions, ["it1", "ma1"], ["staff"], ["IT", "EG", "SN"], ["it2", "eg1"], open: true,
            details: MeetingWorld.Details(capacity: 30, visibility: "DIALOGUE_MEMBERS"));
        var admin = world.Administrator;
        (await MeetingWorld.ChangeAsync(admin, "inviteToMeeting(id: $id, targets: $t)", "($id: ID!, $t: [InvitationTargetInput!]!)",
            new { id, t = new object[] { new { organisationKey = "unhcr" }, new { organisationKey = "las" } } })).EnsureNoErrors();
        foreach (var (alias, response) in new[] { ("unhcr1", "ACCEPT"), ("las1", "ACCEPT"), ("sn1", "DECLINE") })
            (await MeetingWorld.ChangeAsync(await world.AsAsync(alias), $"respondToInvitation(id: $id, response: {response})", "($id: ID!)", new { id })).EnsureNoErrors();

        var meeting = (await MeetingWorld.ChangeAsync(admin, "addDocumentLink(id: $id, document: $d)", "($id: ID!, $d: DocumentLinkInput!)",
            new { id, d = new { title = "Guide to the discussion on flows", kind = "DISCUSSION_GUIDE", url = "https://example.org/guide.pdf" } })).EnsureNoErrors().Data("result", "meeting");
        var guide = meeting["documents"]!.AsArray().Single()!["id"]!.GetValue<string>();
        (await MeetingWorld.ChangeAsync(admin, "updateWorkingSession(id: $id, sessionId: $s, session: $c, expectedVersion: $v)", "($id: ID!, $s: ID!, $c: WorkingSessionChangesInput!, $v: Int!)",
            new
            {
                id, s = sessions[0], v = meeting["version"]!.GetValue<int>(),
                c = new
                {
                    titles = new[]
                    {
                        new { language = "en", text = "Irregular and mixed migration flows" },
                        new { language = "fr", text = "Flux migratoires irréguliers et mixtes" },
                        new { language = "ar", text = "تدفقات الهجرة غير النظامية والمختلطة" },
                    },
                    description = "To analyse the place, role and use of regional dialogues.",
                    moderatorIds = new[] { world.People["ma2"] },
                    discussionGuideDocumentId = guide,
                },
            })).EnsureNoErrors();

        var token = (await (await world.AsAsync("staff")).GraphQLAsync("mutation { createAccessToken(name: \"notes\") { token } }")).Data("createAccessToken", "token").GetValue<string>();
        var writer = await HubClient.ConnectAsync(factory, token);
        var entries = new List<NoteEntry>
        {
            (await writer.AppendAsync(id, sessions[1], "Remittances are a private flow.")).Entry!,
            (await writer.AppendAsync(id, sessions[0], "Regional dialogues provide useful frameworks.")).Entry!,
            (await writer.AppendAsync(id, sessions[0], "Trust is built over the long term.")).Entry!,
        };
        return new TranslatedMeeting(world, id, sessions[0], sessions[1], entries, writer);
    }

    internal const string TranslationQuery =
        "query($id: ID!, $l: String!) { notesTranslation(meetingId: $id, language: $l) { meetingId language missing stale viewerMayTranslate entries { seq sessionId original originalVersion text sourceVersion stale translatedFrom revision } } }";

    internal const string Translate =
        "mutation($id: ID!, $l: String!, $seq: Int!, $v: Int!, $t: String!, $r: Int) { translateNote(meetingId: $id, language: $l, seq: $seq, sourceVersion: $v, text: $t, expectedRevision: $r) { seq original originalVersion text sourceVersion stale revision } }";

    /// <summary>Translates an entry as the app does: at the revision of the translation read just before, unless the test names one.</summary>
    internal static async Task<GraphQLResponse> TranslateAsync(HttpClient client, string meetingId, string language, NoteEntry entry, string text, int? version = null, int? revision = null)
    {
        if (revision is null)
        {
            var read = await client.GraphQLAsync(TranslationQuery, new { id = meetingId, l = language });
            revision = read.Errors.Count > 0 ? 0
                : read.Data("notesTranslation", "entries").AsArray().FirstOrDefault(e => e!["seq"]!.GetValue<int>() == entry.Seq)?["revision"]?.GetValue<int>() ?? 0;
        }
        return await client.GraphQLAsync(Translate, new { id = meetingId, l = language, seq = entry.Seq, v = version ?? entry.Version, t = text, r = revision });
    }

    [Fact]
    public async Task A_translator_translates_entry_by_entry_and_sees_what_is_missing_or_stale()
    {
        var m = await NewMeetingAsync(factory);
        await using var _ = m.Writer;
        var translator = await m.World.AsAsync("tr");
        var (remittances, dialogues, trust) = (m.Entries[0], m.Entries[1], m.Entries[2]);

        var before = (await translator.GraphQLAsync(TranslationQuery, new { id = m.MeetingId, l = "fr" })).EnsureNoErrors().Data("notesTranslation");
        Assert.True(before["viewerMayTranslate"]!.GetValue<bool>());
        Assert.Equal(3, before["missing"]!.GetValue<int>());
        // Session order, then sequence: the first session's entries come before the second's.
        Assert.Equal([dialogues.Seq, trust.Seq, remittances.Seq], before["entries"]!.AsArray().Select(e => (long)e!["seq"]!.GetValue<int>()));
        Assert.All(before["entries"]!.AsArray(), e => Assert.Null(e!["text"]));

        var translated = (await TranslateAsync(translator, m.MeetingId, "fr", dialogues, "  Les dialogues régionaux offrent des cadres utiles.  ")).EnsureNoErrors().Data("translateNote");
        Assert.Equal("Les dialogues régionaux offrent des cadres utiles.", translated["text"]!.GetValue<string>());
        Assert.Equal(1, translated["sourceVersion"]!.GetValue<int>());
        Assert.False(translated["stale"]!.GetValue<bool>());
        (await TranslateAsync(translator, m.MeetingId, "fr", remittances, "Les envois de fonds sont un flux privé.")).EnsureNoErrors();

        // The note-taker edits an entry after it was translated: the translation is stale, not lost.
        var edited = (await m.Writer.EditAsync(m.MeetingId, remittances.Seq, remittances.Version, "Remittances are a private flow of money.")).Entry!;
        var after = (await translator.GraphQLAsync(TranslationQuery, new { id = m.MeetingId, l = "fr" })).EnsureNoErrors().Data("notesTranslation");
        Assert.Equal(1, after["missing"]!.GetValue<int>());
        Assert.Equal(1, after["stale"]!.GetValue<int>());
        var stale = after["entries"]!.AsArray().Single(e => e!["seq"]!.GetValue<int>() == remittances.Seq)!;
        Assert.True(stale["stale"]!.GetValue<bool>());
        Assert.Equal("Les envois de fonds sont un flux privé.", stale["text"]!.GetValue<string>());
        Assert.Equal(edited.Version, stale["originalVersion"]!.GetValue<int>());
        Assert.Equal("Remittances are a private flow of money.", stale["original"]!.GetValue<string>());
        // What changed: the original as it read when translated, beside the original now.
        Assert.Equal(remittances.Text, stale["translatedFrom"]!.GetValue<string>());
        Assert.All(after["entries"]!.AsArray().Where(e => !e!["stale"]!.GetValue<bool>()), e => Assert.Null(e!["translatedFrom"]));

        // Translating the version read before the edit: CONFLICT, and nothing changes.
        var conflict = await TranslateAsync(translator, m.MeetingId, "fr", remittances, "Les envois de fonds sont un flux privé d'argent.", version: remittances.Version);
        Assert.Equal("CONFLICT", conflict.Code);
        Assert.Equal("SOURCE_CHANGED", conflict.Errors[0]!["extensions"]!["reason"]!.GetValue<string>());
        Assert.Contains("the original changed since you read it", conflict.Errors[0]!["message"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        var unchanged = (await translator.GraphQLAsync(TranslationQuery, new { id = m.MeetingId, l = "fr" })).EnsureNoErrors().Data("notesTranslation");
        Assert.Equal("Les envois de fonds sont un flux privé.", unchanged["entries"]!.AsArray().Single(e => e!["seq"]!.GetValue<int>() == remittances.Seq)!["text"]!.GetValue<string>());

        // At the current version it is taken, and no longer stale.
        var taken = (await TranslateAsync(translator, m.MeetingId, "fr", edited, "Les envois de fonds sont un flux privé d'argent.")).EnsureNoErrors().Data("translateNote");
        Assert.Equal(2, taken["revision"]!.GetValue<int>());
        // A second translator who read revision 1 does not overwrite it unseen: CONFLICT, and the first translation stays.
        var secretariat = await m.World.AsAsync("staff");
        var overwrite = await TranslateAsync(secretariat, m.MeetingId, "fr", edited, "Les transferts de fonds sont un flux privé.", revision: 1);
        Assert.Equal(("CONFLICT", "TRANSLATION_CHANGED"), (overwrite.Code, overwrite.Errors[0]!["extensions"]!["reason"]!.GetValue<string>()));
        Assert.Equal("Les envois de fonds sont un flux privé d'argent.", (await translator.GraphQLAsync(TranslationQuery, new { id = m.MeetingId, l = "fr" })).EnsureNoErrors()
            .Data("notesTranslation", "entries").AsArray().Single(e => e!["seq"]!.GetValue<int>() == remittances.Seq)!["text"]!.GetValue<string>());
        Assert.Equal(0, (await translator.GraphQLAsync(TranslationQuery, new { id = m.MeetingId, l = "fr" })).EnsureNoErrors().Data("notesTranslation", "stale").GetValue<int>());

        // A deleted entry is left out and refuses a translation; a translation once the notes are final is still taken.
        var deleted = (await m.Writer.DeleteAsync(m.MeetingId, trust.Seq, trust.Version)).Entry!;
        Assert.DoesNotContain((await translator.GraphQLAsync(TranslationQuery, new { id = m.MeetingId, l = "fr" })).EnsureNoErrors().Data("notesTranslation", "entries").AsArray(),
            e => e!["seq"]!.GetValue<int>() == trust.Seq);
        var refused = await TranslateAsync(translator, m.MeetingId, "fr", deleted, "La confiance se construit sur le long terme.");
        Assert.Equal("INVALID_STATE", refused.Code);
        Assert.Equal("ENTRY_DELETED", refused.Errors[0]!["extensions"]!["reason"]!.GetValue<string>());

        await using var italy = await HubClientAs(m.World, "it1");
        await using var morocco = await HubClientAs(m.World, "ma1");
        await HubClient.FinalizeAsync(m.MeetingId, [m.Session1, m.Session2], italy, morocco);
        (await TranslateAsync(translator, m.MeetingId, "ar", dialogues, "توفر الحوارات الإقليمية أطرًا مفيدة.")).EnsureNoErrors();
    }

    [Fact]
    public async Task Only_translators_and_the_secretariat_translate_and_only_into_the_meetings_languages()
    {
        var m = await NewMeetingAsync(factory);
        await using var _ = m.Writer;
        var entry = m.Entries[1];

        // A delegate sees the meeting but does not translate: FORBIDDEN, and the meeting's flag says so.
        var delegate_ = await m.World.AsAsync("it2");
        Assert.Equal("FORBIDDEN", (await delegate_.GraphQLAsync(TranslationQuery, new { id = m.MeetingId, l = "fr" })).Code);
        Assert.Equal("FORBIDDEN", (await TranslateAsync(delegate_, m.MeetingId, "fr", entry, "Les dialogues régionaux offrent des cadres utiles.")).Code);
        var flags = "query($id: ID!) { meeting(id: $id) { viewerMay { translateNotes } } }";
        Assert.False((await delegate_.GraphQLAsync(flags, new { id = m.MeetingId })).EnsureNoErrors().Data("meeting", "viewerMay", "translateNotes").GetValue<bool>());
        Assert.True((await (await m.World.AsAsync("tr")).GraphQLAsync(flags, new { id = m.MeetingId })).EnsureNoErrors().Data("meeting", "viewerMay", "translateNotes").GetValue<bool>());

        // The secretariat translates too.
        (await TranslateAsync(await m.World.AsAsync("staff"), m.MeetingId, "fr", entry, "Les dialogues régionaux offrent des cadres utiles.")).EnsureNoErrors();

        // Spanish is not one of the meeting's languages.
        var translator = await m.World.AsAsync("tr");
        foreach (var language in new[] { "es", "fr#0", "" })
        {
            var refused = await TranslateAsync(translator, m.MeetingId, language, entry, "Los diálogos regionales ofrecen marcos útiles.");
            Assert.Equal("VALIDATION", refused.Code);
            Assert.Equal("NOT_A_MEETING_LANGUAGE", refused.Errors[0]!["extensions"]!["reason"]!.GetValue<string>());
        }
        Assert.Equal("VALIDATION", (await translator.GraphQLAsync(TranslationQuery, new { id = m.MeetingId, l = "es" })).Code);

        // Empty and overlong texts are refused like entries.
        Assert.Equal("VALIDATION", (await TranslateAsync(translator, m.MeetingId, "fr", entry, "   ")).Code);
        var tooLong = await TranslateAsync(translator, m.MeetingId, "fr", entry, new string('a', NotesGrain.MaxTextLength + 1));
        Assert.Equal("TEXT_TOO_LONG", tooLong.Errors[0]!["extensions"]!["reason"]!.GetValue<string>());

        // Someone who may not see the meeting finds nothing there.
        Assert.Equal("NOT_FOUND", (await (await m.World.AsAsync("outsider")).GraphQLAsync(TranslationQuery, new { id = m.MeetingId + "x", l = "fr" })).Code);
        Assert.Equal("UNAUTHENTICATED", (await factory.Anonymous().GraphQLAsync(TranslationQuery, new { id = m.MeetingId, l = "fr" })).Code);
    }

    [Fact]
    public async Task A_translation_that_attributes_a_statement_is_refused_and_stored_nowhere()
    {
        var m = await NewMeetingAsync(factory);
        await using var _ = m.Writer;
        var translator = await m.World.AsAsync("tr");
        var marker = Guid.NewGuid().ToString("N")[..12];
        var logsBefore = factory.Logs.Messages.Count;

        foreach (var (language, text) in new[]
        {
            ("fr", $"Le délégué du Maroc a déclaré que les dialogues régionaux sont utiles {marker}."),
            ("ar", $"قال مندوب المغرب إن الحوارات الإقليمية مفيدة {marker}."),
        })
        {
            var refused = await TranslateAsync(translator, m.MeetingId, language, m.Entries[1], text);
            Assert.Equal("VALIDATION", refused.Code);
            Assert.Equal("ATTRIBUTION", refused.Errors[0]!["extensions"]!["reason"]!.GetValue<string>());
            Assert.DoesNotContain(marker, refused.Raw, StringComparison.Ordinal);
        }

        Assert.Equal(3, (await translator.GraphQLAsync(TranslationQuery, new { id = m.MeetingId, l = "fr" })).EnsureNoErrors().Data("notesTranslation", "missing").GetValue<int>());
        Assert.DoesNotContain(StoredStates.Read(factory.DatabasePath), row => row.Text.Contains(marker, StringComparison.Ordinal));
        Assert.DoesNotContain(factory.Logs.Messages.Skip(logsBefore), line => line.Contains(marker, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_summary_in_french_and_arabic_uses_translations_marks_the_rest_and_names_delegations_never_persons()
    {
        var m = await NewMeetingAsync(factory);
        await using var _ = m.Writer;
        var translator = await m.World.AsAsync("tr");
        var (remittances, dialogues, trust) = (m.Entries[0], m.Entries[1], m.Entries[2]);
        (await TranslateAsync(translator, m.MeetingId, "fr", dialogues, "Les dialogues régionaux offrent des cadres utiles.")).EnsureNoErrors();
        (await TranslateAsync(translator, m.MeetingId, "fr", remittances, "Les envois de fonds sont un flux privé.")).EnsureNoErrors();
        (await TranslateAsync(translator, m.MeetingId, "ar", dialogues, "توفر الحوارات الإقليمية أطرًا مفيدة.")).EnsureNoErrors();
        await m.Writer.EditAsync(m.MeetingId, remittances.Seq, remittances.Version, "Remittances are a private flow of money.");

        var reader = await m.World.AsAsync("eg1");
        var french = await reader.GetStringAsync($"/meetings/{m.MeetingId}/notes/summary.md?language=fr", TestContext.Current.CancellationToken);
        Assert.StartsWith("# Résumé des discussions\u00A0: Événement du 10e anniversaire du MTM", french, StringComparison.Ordinal);
        Assert.Contains("Projet : les notes ne sont pas encore définitives", french, StringComparison.Ordinal);
        Assert.Contains("**Pays hôte**\u00A0: Malte", french, StringComparison.Ordinal);
        Assert.Contains("Valletta, Mediterranean Conference Centre, 22 mai 2012", french, StringComparison.Ordinal);
        Assert.Contains("## Participants", french, StringComparison.Ordinal);
        Assert.Contains("**Coprésidence**\u00A0: Italie, Maroc", french, StringComparison.Ordinal);
        // Participants are the delegations whose people accepted: Morocco co-chairs without an invitation, so it stands on the co-chairs' line only.
        Assert.Contains("**États partenaires**\u00A0: Égypte, Italie\n", french, StringComparison.Ordinal);
        Assert.Contains("**Agences partenaires**\u00A0: UNHCR", french, StringComparison.Ordinal);
        Assert.Contains("**Observateurs**\u00A0: League of Arab States", french, StringComparison.Ordinal);
        Assert.DoesNotContain("Sénégal", french, StringComparison.Ordinal);
        Assert.Contains("## Flux migratoires irréguliers et mixtes", french, StringComparison.Ordinal);
        Assert.Contains("**Objectifs**\u00A0: To analyse the place, role and use of regional dialogues.", french, StringComparison.Ordinal);
        Assert.Contains("**Modération**\u00A0: Moroccan Delegate", french, StringComparison.Ordinal);
        Assert.Contains("**Guide de discussion**\u00A0: Guide to the discussion on flows", french, StringComparison.Ordinal);
        Assert.Contains("- Les dialogues régionaux offrent des cadres utiles.", french, StringComparison.Ordinal);
        Assert.Contains("- *(Pas encore traduit)* Trust is built over the long term.", french, StringComparison.Ordinal);
        Assert.Contains("- *(Traduction à mettre à jour)* Remittances are a private flow of money.", french, StringComparison.Ordinal);
        Assert.DoesNotContain("Les envois de fonds", french, StringComparison.Ordinal);
        // The session order of the agenda: the first session's notes before the second's.
        Assert.True(french.IndexOf("Les dialogues régionaux", StringComparison.Ordinal) < french.IndexOf("Remittances", StringComparison.Ordinal));
        foreach (var person in new[] { "Italian Co-chair", "Moroccan Co-chair", "Samira Staff", "Tariq Translator", "Egyptian Delegate", "UNHCR Officer", "Arab League Envoy" })
            Assert.DoesNotContain(person, french, StringComparison.Ordinal);

        // The same in GraphQL: meetingNotes(language:) renders the markdown in French and lists the languages.
        var notes = (await reader.GraphQLAsync("query($id: ID!) { meetingNotes(id: $id, language: \"fr\") { languages markdown sections { title entries } } }", new { id = m.MeetingId }))
            .EnsureNoErrors().Data("meetingNotes");
        Assert.Equal(["ar", "en", "fr"], notes["languages"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal(french, notes["markdown"]!.GetValue<string>());
        Assert.Equal("Irregular and mixed migration flows", notes["sections"]![0]!["title"]!.GetValue<string>());

        var english = await reader.GetStringAsync($"/meetings/{m.MeetingId}/notes/summary.md", TestContext.Current.CancellationToken);
        Assert.StartsWith("# Summary of Discussions: MTM 10-Year Anniversary Event", english, StringComparison.Ordinal);
        Assert.Contains("**Co-chairs**: Italy, Morocco", english, StringComparison.Ordinal);
        Assert.Contains("- Remittances are a private flow of money.", english, StringComparison.Ordinal);
        Assert.DoesNotContain("Not yet translated", english, StringComparison.Ordinal);

        var arabic = await reader.GetStringAsync($"/meetings/{m.MeetingId}/notes/summary.md?language=ar", TestContext.Current.CancellationToken);
        Assert.StartsWith("# ملخص المناقشات: MTM 10-Year Anniversary Event", arabic, StringComparison.Ordinal);
        Assert.Contains("<p dir=\"rtl\"><strong>الرئاسة المشتركة</strong>: إيطاليا، المغرب</p>", arabic, StringComparison.Ordinal);
        Assert.Contains("<p dir=\"rtl\">توفر الحوارات الإقليمية أطرًا مفيدة.</p>", arabic, StringComparison.Ordinal);
        Assert.Contains("## تدفقات الهجرة غير النظامية والمختلطة", arabic, StringComparison.Ordinal);
        Assert.Contains("*(لم تُترجم بعد)* Trust is built over the long term.", arabic, StringComparison.Ordinal);

        var docx = await reader.GetByteArrayAsync($"/meetings/{m.MeetingId}/notes/summary.docx?language=ar", TestContext.Current.CancellationToken);
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            Assert.Equal("Mediterranean Transit Migration Dialogue", document.PackageProperties.Creator);
            var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().ToList();
            Assert.StartsWith("ملخص المناقشات", paragraphs[0].InnerText, StringComparison.Ordinal);
            Assert.All(paragraphs, p => Assert.NotNull(p.ParagraphProperties?.BiDi));
            Assert.All(paragraphs.SelectMany(p => p.Elements<Run>()), r => Assert.NotNull(r.RunProperties?.RightToLeftText));
            Assert.Contains(paragraphs, p => p.InnerText == "الرئاسة المشتركة: إيطاليا، المغرب");
            Assert.Contains(paragraphs, p => p.InnerText == "توفر الحوارات الإقليمية أطرًا مفيدة.");
            Assert.Contains(paragraphs, p => p.InnerText == "(لم تُترجم بعد) Remittances are a private flow of money.");
            Assert.Contains(paragraphs, p => p.InnerText == "أدار الجلسة: Moroccan Delegate");
        }
        var frenchDocx = await reader.GetByteArrayAsync($"/meetings/{m.MeetingId}/notes/summary.docx?language=fr", TestContext.Current.CancellationToken);
        using (var document = WordprocessingDocument.Open(new MemoryStream(frenchDocx), false))
        {
            var paragraphs = document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText).ToList();
            Assert.Equal("Résumé des discussions\u00A0: Événement du 10e anniversaire du MTM", paragraphs[0]);
            Assert.Contains("États partenaires\u00A0: Égypte, Italie", paragraphs);
            Assert.Contains("Objectifs\u00A0: To analyse the place, role and use of regional dialogues.", paragraphs);
            Assert.Contains("Guide de discussion\u00A0: Guide to the discussion on flows", paragraphs);
            Assert.Contains("Les dialogues régionaux offrent des cadres utiles.", paragraphs);
            Assert.Contains("(Pas encore traduit) Trust is built over the long term.", paragraphs);
            Assert.DoesNotContain(paragraphs, p => p.Contains("Sénégal", StringComparison.Ordinal));
        }

        // A language the meeting does not work in: a clear refusal, as the endpoints give it.
        var spanish = await reader.GetAsync($"/meetings/{m.MeetingId}/notes/summary.md?language=es", TestContext.Current.CancellationToken);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, spanish.StatusCode);
        var refusal = JsonNode.Parse(await spanish.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        Assert.Equal("VALIDATION", refusal["code"]!.GetValue<string>());
        Assert.Equal("NOT_A_MEETING_LANGUAGE", refusal["reason"]!.GetValue<string>());
        Assert.Equal("VALIDATION", (await reader.GraphQLAsync("query($id: ID!) { meetingNotes(id: $id, language: \"es\") { markdown } }", new { id = m.MeetingId })).Code);
    }

    /// <summary>
    /// The published conclusions and recommendations close the summary, numbered, in the language asked (a
    /// translation of the current text, or the original marked), recommendations with whom they address.
    /// </summary>
    [Fact]
    public async Task The_summary_ends_with_the_published_conclusions_and_recommendations_in_its_language()
    {
        var m = await NewMeetingAsync(factory);
        await using var _ = m.Writer;
        var grains = factory.Services.GetRequiredService<IGrainFactory>();
        var outcomes = grains.GetGrain<Outcomes.IMeetingOutcomesGrain>(m.MeetingId);
        Identity.Caller As(string alias) => new(m.World.People[alias], false);
        await outcomes.ProposeAsync(As("staff"), new Outcomes.OutcomeInput(Outcomes.OutcomeKind.Conclusion, m.Session1, "en", "Regional dialogues remain useful frameworks."));
        await outcomes.ProposeAsync(As("staff"), new Outcomes.OutcomeInput(Outcomes.OutcomeKind.Recommendation, m.Session2, "en", "Strengthen South-South cooperation.",
            [new Outcomes.Addressee(Outcomes.AddresseeKind.PartnerState, "MA"), new Outcomes.Addressee(Outcomes.AddresseeKind.Secretariat)]));
        foreach (var outcome in (await outcomes.GetAsync(As("staff"))).Outcomes)
            await outcomes.AdoptAsync(As("it1"), outcome.Id, outcome.Version);
        var published = await outcomes.PublishAsync(As("staff"));
        var conclusion = published.Outcomes.Single(o => o.Kind == Outcomes.OutcomeKind.Conclusion);
        await outcomes.TranslateAsync(As("tr"), conclusion.Id, "fr", "Les dialogues régionaux restent des cadres utiles.", conclusion.Version);

        var french = await (await m.World.AsAsync("eg1")).GetStringAsync($"/meetings/{m.MeetingId}/notes/summary.md?language=fr", TestContext.Current.CancellationToken);
        Assert.Contains("## Conclusions\n\n1. Les dialogues régionaux restent des cadres utiles.", french, StringComparison.Ordinal);
        Assert.Contains("## Recommandations\n\n1. *(Pas encore traduit)* Strengthen South-South cooperation.", french, StringComparison.Ordinal);
        Assert.Contains("**Destinataires**\u00A0: Maroc, Le Secrétariat", french, StringComparison.Ordinal);
        Assert.True(french.IndexOf("## Conclusions", StringComparison.Ordinal) > french.IndexOf("Remittances are a private flow.", StringComparison.Ordinal));
    }

    private async Task<HubClient> HubClientAs(MeetingWorld world, string alias)
    {
        var token = (await (await world.AsAsync(alias)).GraphQLAsync("mutation { createAccessToken(name: \"notes\") { token } }")).Data("createAccessToken", "token").GetValue<string>();
        return await HubClient.ConnectAsync(factory, token);
    }
}
