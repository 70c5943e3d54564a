using System.Net.Http.Headers;

namespace Collaboration.Server.Tests;

/// <summary>
/// A dialogue's library through GraphQL and HTTP (issue 19): documents kept by the secretariat with a file per
/// working language and numbered versions, downloaded in the reader's language or the nearest, used by meetings.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class LibraryApiTests(CollaborationFactory factory)
{
    private const string Fields = "id kind visibility version currentVersion languages titles { language text } versions { number variants { language fileName url } }";

    private static async Task<JsonNode> AddAsync(HttpClient client, string key, string visibility = "DIALOGUE_MEMBERS") =>
        (await client.GraphQLAsync($"mutation($k: String!, $d: LibraryDocumentInput!) {{ addLibraryDocument(key: $k, document: $d) {{ {Fields} }} }}",
            new { k = key, d = new { kind = "CONCEPT_NOTE", visibility, titles = new[] { new { language = "en", text = "Concept note on labour migration" }, new { language = "fr", text = "Note conceptuelle sur la migration de travail" } } } }))
        .EnsureNoErrors().Data("addLibraryDocument");

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string key, string documentId, string language, string text, string? version = null, int? expectedVersion = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(text));
        file.Headers.ContentType = MediaTypeHeaderValue.Parse("text/plain");
        form.Add(file, "file", $"concept-note-{language}.txt");
        form.Add(new StringContent(language), "language");
        if (version is not null)
            form.Add(new StringContent(version), "version");
        if (expectedVersion is not null)
            form.Add(new StringContent(expectedVersion.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)), "expectedVersion");
        return await client.PostAsync($"/dialogues/{key}/library/{documentId}/variants", form, TestContext.Current.CancellationToken);
    }

    private static async Task<(string Language, string Text)> DownloadAsync(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (Assert.Single(response.Content.Headers.ContentLanguage), await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Files_in_two_languages_download_in_the_readers_language_or_the_nearest()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var document = await AddAsync(world.Administrator, world.Key);
        var id = document["id"]!.GetValue<string>();
        using (var en = await UploadAsync(world.Administrator, world.Key, id, "en", "Concept note", expectedVersion: document["version"]!.GetValue<int>()))
            Assert.Equal(HttpStatusCode.Created, en.StatusCode);
        using (var fr = await UploadAsync(world.Administrator, world.Key, id, "fr", "Note conceptuelle"))
            Assert.Equal(HttpStatusCode.Created, fr.StatusCode);

        var member = await world.AsAsync("it2");
        var url = $"/dialogues/{world.Key}/library/{id}";
        Assert.Equal(("fr", "Note conceptuelle"), await DownloadAsync(member, url + "?language=fr"));
        Assert.Equal(("en", "Concept note"), await DownloadAsync(member, url + "?language=en"));
        // No Arabic file: the language of the first title, English.
        Assert.Equal(("en", "Concept note"), await DownloadAsync(member, url + "?language=ar"));
        // No language asked: the reader's preferred one (the Senegalese delegate reads French).
        Assert.Equal(("fr", "Note conceptuelle"), await DownloadAsync(await world.AsAsync("sn1"), url));

        // A new version starts with its own files; the first stays downloadable by number.
        using (var v2 = await UploadAsync(world.Administrator, world.Key, id, "en", "Concept note, revised", version: "new"))
            Assert.Equal(HttpStatusCode.Created, v2.StatusCode);
        Assert.Equal(("en", "Concept note, revised"), await DownloadAsync(member, url + "?language=fr"));
        Assert.Equal(("fr", "Note conceptuelle"), await DownloadAsync(member, url + "?language=fr&version=1"));

        var listed = (await member.GraphQLAsync($"query($k: String!) {{ library(key: $k) {{ {Fields} downloadUrl(language: \"ar\") title(language: \"fr\") }} }}", new { k = world.Key }))
            .EnsureNoErrors().Data("library").AsArray().Single()!;
        Assert.Equal(2, listed["currentVersion"]!.GetValue<int>());
        Assert.Equal(["en"], listed["languages"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal(2, listed["versions"]!.AsArray()[0]!["variants"]!.AsArray().Count);
        Assert.Equal($"{url}?language=ar", listed["downloadUrl"]!.GetValue<string>());
        Assert.Equal("Note conceptuelle sur la migration de travail", listed["title"]!.GetValue<string>());

        // A stale expected version changes nothing.
        using (var stale = await UploadAsync(world.Administrator, world.Key, id, "ar", "مذكرة", expectedVersion: document["version"]!.GetValue<int>()))
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        var update = await world.Administrator.GraphQLAsync("mutation($k: String!, $d: ID!) { updateLibraryDocument(key: $k, documentId: $d, changes: { visibility: PUBLIC }, expectedVersion: 1) { version } }",
            new { k = world.Key, d = id });
        Assert.Equal("CONFLICT", update.Code);
    }

    [Fact]
    public async Task Members_read_but_only_the_secretariat_uploads_and_outsiders_find_nothing()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var other = await MeetingWorld.CreateAsync(factory);
        var id = (await AddAsync(world.Administrator, world.Key))["id"]!.GetValue<string>();
        using (var uploaded = await UploadAsync(world.Administrator, world.Key, id, "en", "Concept note"))
            Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var url = $"/dialogues/{world.Key}/library/{id}?language=en";

        using (var member = await UploadAsync(await world.AsAsync("it2"), world.Key, id, "fr", "Note"))
            Assert.Equal(HttpStatusCode.Forbidden, member.StatusCode);
        using (var outsider = await (await other.AsAsync("it2")).GetAsync(url, TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        using (var anonymous = await factory.Anonymous().GetAsync(url, TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);
        using (var outsiderUpload = await UploadAsync(await other.AsAsync("staff"), world.Key, id, "fr", "Note"))
            Assert.Equal(HttpStatusCode.NotFound, outsiderUpload.StatusCode);
        using (var badLanguage = await UploadAsync(world.Administrator, world.Key, id, "es", "Nota"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, badLanguage.StatusCode);
            Assert.Contains("NOT_A_WORKING_LANGUAGE", await badLanguage.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        Assert.Equal("FORBIDDEN", (await (await world.AsAsync("it2")).GraphQLAsync("mutation($k: String!) { addLibraryDocument(key: $k, document: { kind: REPORT, titles: [{ language: \"en\", text: \"Report\" }] }) { id } }",
            new { k = world.Key })).Code);
        Assert.Empty((await factory.Anonymous().GraphQLAsync("query($k: String!) { library(key: $k) { id } }", new { k = world.Key })).EnsureNoErrors().Data("library").AsArray());

        // Made public, anyone reads it.
        (await world.Administrator.GraphQLAsync("mutation($k: String!, $d: ID!) { updateLibraryDocument(key: $k, documentId: $d, changes: { visibility: PUBLIC }, expectedVersion: 2) { version } }",
            new { k = world.Key, d = id })).EnsureNoErrors();
        Assert.Equal(("en", "Concept note"), await DownloadAsync(factory.Anonymous(), url));

        var removed = await world.Administrator.GraphQLAsync("mutation($k: String!, $d: ID!) { removeLibraryDocument(key: $k, documentId: $d, expectedVersion: 3) { id } }", new { k = world.Key, d = id });
        Assert.Empty(removed.EnsureNoErrors().Data("removeLibraryDocument").AsArray());
        using (var gone = await world.Administrator.GetAsync(url, TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task A_meeting_lists_a_library_document_and_its_participants_download_it_in_their_language()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var (meetingId, _) = await world.ChairedMeetingAsync(MeetingWorld.TwoSessions, ["it1", "ma1"], []);
        (await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id = meetingId })).EnsureNoErrors();
        // People are invited by name: a partner state's invitation now asks its focal points to nominate.
        (await MeetingWorld.ChangeAsync(world.Administrator, "inviteToMeeting(id: $id, targets: $t)", "($id: ID!, $t: [InvitationTargetInput!]!)",
            new { id = meetingId, t = new[] { new { personId = world.People["eg1"] }, new { personId = world.People["sn1"] } } })).EnsureNoErrors();
        var id = (await AddAsync(world.Administrator, world.Key))["id"]!.GetValue<string>();
        (await UploadAsync(world.Administrator, world.Key, id, "en", "Concept note")).Dispose();
        (await UploadAsync(world.Administrator, world.Key, id, "fr", "Note conceptuelle")).Dispose();

        const string Attach = "attachLibraryDocument(id: $id, documentId: $d)";
        Assert.Equal("FORBIDDEN", (await MeetingWorld.ChangeAsync(await world.AsAsync("eg1"), Attach, "($id: ID!, $d: ID!)", new { id = meetingId, d = id })).Code);
        Assert.Equal("NOT_FOUND", (await MeetingWorld.ChangeAsync(world.Administrator, Attach, "($id: ID!, $d: ID!)", new { id = meetingId, d = "nothing" })).Code);
        var documents = (await MeetingWorld.ChangeAsync(world.Administrator, Attach, "($id: ID!, $d: ID!)", new { id = meetingId, d = id }))
            .EnsureNoErrors().Data("result", "meeting", "documents").AsArray();
        var attached = Assert.Single(documents)!;
        Assert.Equal("CONCEPT_NOTE", attached["kind"]!.GetValue<string>());

        var seen = Assert.Single((await world.ReadAsync(meetingId, await world.AsAsync("sn1")))["documents"]!.AsArray())!;
        var url = seen["url"]!.GetValue<string>();
        Assert.Equal($"/dialogues/{world.Key}/library/{id}", url);
        Assert.Equal(("fr", "Note conceptuelle"), await DownloadAsync(await world.AsAsync("sn1"), url));
        // The Egyptian delegate reads Arabic; there is none, so the first title's language, English.
        Assert.Equal(("en", "Concept note"), await DownloadAsync(await world.AsAsync("eg1"), url));
        Assert.Equal(("fr", "Note conceptuelle"), await DownloadAsync(await world.AsAsync("eg1"), url + "?language=fr"));

        // Removed from the library, it leaves the meeting too (no link to nothing), and the meeting's history says so.
        var version = (await world.Administrator.GraphQLAsync("query($k: String!) { library(key: $k) { id version } }", new { k = world.Key }))
            .EnsureNoErrors().Data("library").AsArray().Single(d => d!["id"]!.GetValue<string>() == id)!["version"]!.GetValue<int>();
        (await world.Administrator.GraphQLAsync("mutation($k: String!, $d: ID!, $v: Int!) { removeLibraryDocument(key: $k, documentId: $d, expectedVersion: $v) { id } }",
            new { k = world.Key, d = id, v = version })).EnsureNoErrors();
        var after = await Eventually.Async(async () =>
        {
            var meeting = (await world.Administrator.GraphQLAsync("query($id: ID!) { meeting(id: $id) { documents { id } auditTrail { action summary } } }", new { id = meetingId }))
                .EnsureNoErrors().Data("meeting");
            return meeting["documents"]!.AsArray().Count == 0 ? meeting : null;
        }, "the meeting to take the removed library document off its list");
        Assert.Contains(after["auditTrail"]!.AsArray(), e => e!["action"]!.GetValue<string>() == "document-removed"
            && e["summary"]!.GetValue<string>().Contains("removed from the library", StringComparison.Ordinal));
    }
}
