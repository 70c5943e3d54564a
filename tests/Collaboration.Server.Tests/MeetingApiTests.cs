using System.Net.Http.Headers;
using Collaboration.Dialogues;

namespace Collaboration.Server.Tests;

/// <summary>Meeting lists, documents, the scheduling assistant, conflicts and the CSV import, through the API.</summary>
[Collection(ApiCollection.Name)]
public sealed class MeetingApiTests(CollaborationFactory factory)
{
    private static async Task<string> ScheduledMeetingAsync(MeetingWorld world, object? details = null)
    {
        var id = (await world.CreateMeetingAsync(details))["id"]!.GetValue<string>();
        (await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id })).EnsureNoErrors();
        return id;
    }

    [Fact]
    public async Task Lists_filter_page_with_cursors_and_hide_what_the_caller_may_not_see()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var ids = new List<string>();
        for (var day = 1; day <= 5; day++)
            ids.Add(await ScheduledMeetingAsync(world, MeetingWorld.Details($"2031-03-0{day}T09:00", $"2031-03-0{day}T17:00", visibility: "DIALOGUE_MEMBERS", venue: $"Room {day}")));
        var hidden = await ScheduledMeetingAsync(world, MeetingWorld.Details("2031-03-06T09:00", "2031-03-06T17:00", venue: "Room 6"));
        var past = await ScheduledMeetingAsync(world, MeetingWorld.Details("2011-03-06T09:00", "2011-03-06T17:00", visibility: "PUBLIC", venue: "Room 7"));
        var member = await world.AsAsync("outsider");
        const string Query = "query($k: String!, $f: MeetingFilterInput, $a: String) { meetings(key: $k, filter: $f, first: 2, after: $a) { nodes { id } endCursor hasNextPage totalCount } }";

        var seen = new List<string>();
        string? after = null;
        do
        {
            var page = (await member.GraphQLAsync(Query, new { k = world.Key, f = new { upcoming = true }, a = after })).EnsureNoErrors().Data("meetings");
            seen.AddRange(page["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
            Assert.Equal(5, page["totalCount"]!.GetValue<int>());
            after = page["hasNextPage"]!.GetValue<bool>() ? page["endCursor"]!.GetValue<string>() : null;
        }
        while (after is not null);
        Assert.Equal(ids, seen);

        var secretariat = (await world.Administrator.GraphQLAsync(Query.Replace("first: 2", "first: 50", StringComparison.Ordinal), new { k = world.Key, f = new { upcoming = true } })).Data("meetings");
        Assert.Contains(secretariat["nodes"]!.AsArray(), n => n!["id"]!.GetValue<string>() == hidden);

        var pastPage = (await factory.Anonymous().GraphQLAsync(Query, new { k = world.Key, f = new { upcoming = false } })).EnsureNoErrors().Data("meetings");
        Assert.Equal([past], pastPage["nodes"]!.AsArray().Select(n => n!["id"]!.GetValue<string>()));
        Assert.Equal(1, (await factory.Anonymous().GraphQLAsync(Query, new { k = world.Key })).Data("meetings", "totalCount").GetValue<int>());

        var filtered = (await world.Administrator.GraphQLAsync(Query, new { k = world.Key, f = new { hostCountry = "mt", type = "CONFERENCE", pillar = "Cross-cutting", status = "SCHEDULED" } })).Data("meetings");
        Assert.Equal(7, filtered["totalCount"]!.GetValue<int>());
        Assert.Equal(0, (await world.Administrator.GraphQLAsync(Query, new { k = world.Key, f = new { type = "WORKSHOP" } })).Data("meetings", "totalCount").GetValue<int>());

        Assert.Equal("VALIDATION", (await member.GraphQLAsync(Query, new { k = world.Key, a = "not-a-cursor" })).Code);
        Assert.Equal("VALIDATION", (await member.GraphQLAsync("query($k: String!) { meetings(key: $k, first: 1000) { totalCount } }", new { k = world.Key })).Code);
    }

    [Fact]
    public async Task A_public_meeting_is_readable_without_signing_in_but_its_people_are_not()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var id = await ScheduledMeetingAsync(world, MeetingWorld.Details(visibility: "PUBLIC"));
        await StateInvitations.InviteStatesAsync(world.Administrator, id, "EG");
        (await MeetingWorld.ChangeAsync(await world.AsAsync("eg1"), "respondToInvitation(id: $id, response: ACCEPT)", "($id: ID!)", new { id })).EnsureNoErrors();

        var anonymous = await world.ReadAsync(id, factory.Anonymous());

        Assert.Equal("MTM 10-Year Anniversary Event", anonymous["titles"]![0]!["text"]!.GetValue<string>());
        Assert.Empty(anonymous["participants"]!.AsArray());
        Assert.Empty(anonymous["invitations"]!.AsArray());
        Assert.Single((await world.ReadAsync(id, await world.AsAsync("eg1")))["participants"]!.AsArray());
    }

    [Fact]
    public async Task A_refused_field_carries_a_reason_key_and_its_values_for_clients_to_translate()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        const string Create = "mutation($k: String!, $d: MeetingDetailsInput!) { createMeeting(key: $k, details: $d) { meeting { id } } }";

        var backwards = await world.Administrator.GraphQLAsync(Create, new { k = world.Key, d = MeetingWorld.Details("2030-03-12T09:00", "2030-03-12T08:00") });
        var longVenue = await world.Administrator.GraphQLAsync(Create, new { k = world.Key, d = MeetingWorld.Details(venue: new string('v', 201)) });

        var extensions = backwards.Errors.Single()!["extensions"]!;
        Assert.Equal(("VALIDATION", "endsLocal", "ENDS_BEFORE_START"),
            (extensions["code"]!.GetValue<string>(), extensions["field"]!.GetValue<string>(), extensions["reason"]!.GetValue<string>()));
        var tooLong = longVenue.Errors.Single()!["extensions"]!;
        Assert.Equal("TOO_LONG", tooLong["reason"]!.GetValue<string>());
        Assert.Equal("200", tooLong["values"]!["max"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_online_link_is_https_on_a_hybrid_or_online_meeting_and_shown_only_to_participants()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        const string Create = "mutation($k: String!, $d: MeetingDetailsInput!) { createMeeting(key: $k, details: $d) { meeting { id } } }";
        var inPerson = await world.Administrator.GraphQLAsync(Create, new { k = world.Key, d = MeetingWorld.Details(onlineMeetingUrl: "https://meet.example.org/x") });
        Assert.Equal("VALIDATION", inPerson.Code);
        Assert.Contains("onlineMeetingUrl", inPerson.Raw, StringComparison.Ordinal);
        var plainHttp = await world.Administrator.GraphQLAsync(Create, new { k = world.Key, d = MeetingWorld.Details(format: "ONLINE", onlineMeetingUrl: "http://meet.example.org/x") });
        Assert.Equal("VALIDATION", plainHttp.Code);

        var id = await ScheduledMeetingAsync(world, MeetingWorld.Details(visibility: "PUBLIC", format: "ONLINE", onlineMeetingUrl: "https://meet.example.org/mtm"));
        await StateInvitations.InviteStatesAsync(world.Administrator, id, "EG");
        const string Read = "query($id: ID!) { meeting(id: $id) { format onlineMeetingUrl } }";

        var anonymous = (await factory.Anonymous().GraphQLAsync(Read, new { id })).EnsureNoErrors().Data("meeting");
        var invitee = (await (await world.AsAsync("eg1")).GraphQLAsync(Read, new { id })).EnsureNoErrors().Data("meeting");

        Assert.Equal("ONLINE", anonymous["format"]!.GetValue<string>());
        Assert.Null(anonymous["onlineMeetingUrl"]);
        Assert.Equal("https://meet.example.org/mtm", invitee["onlineMeetingUrl"]!.GetValue<string>());
    }

    [Fact]
    public async Task Documents_upload_and_download_within_their_limits_and_visibility()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var id = await ScheduledMeetingAsync(world, MeetingWorld.Details(visibility: "DIALOGUE_MEMBERS"));
        var content = "Discussion guide: how partner states collect migration data."u8.ToArray();

        async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string contentType, string kind = "DiscussionGuide", string visibility = "Participants")
        {
            using var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            form.Add(file, "file", "guide.txt");
            form.Add(new StringContent("Discussion guide"), "title");
            form.Add(new StringContent(kind), "kind");
            form.Add(new StringContent(visibility), "visibility");
            return await client.PostAsync($"/meetings/{id}/documents", form, TestContext.Current.CancellationToken);
        }

        using var uploaded = await UploadAsync(world.Administrator, content, "text/plain");
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        var url = JsonNode.Parse(await uploaded.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!["url"]!.GetValue<string>();

        Assert.Equal(content, await world.Administrator.GetByteArrayAsync(url, TestContext.Current.CancellationToken));
        using (var member = await (await world.AsAsync("outsider")).GetAsync(url, TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.NotFound, member.StatusCode);
        using (var anonymous = await factory.Anonymous().GetAsync(url, TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.NotFound, anonymous.StatusCode);

        var page = await world.ReadAsync(id);
        var document = Assert.Single(page["documents"]!.AsArray())!;
        Assert.Equal(url, document["url"]!.GetValue<string>());
        Assert.Equal(content.Length, document["size"]!.GetValue<long>());
        Assert.Empty((await world.ReadAsync(id, await world.AsAsync("outsider")))["documents"]!.AsArray());

        using (var wrongType = await UploadAsync(world.Administrator, content, "application/x-msdownload"))
            Assert.Equal(HttpStatusCode.BadRequest, wrongType.StatusCode);
        using (var empty = await UploadAsync(world.Administrator, [], "text/plain"))
            Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        using (var wrongKind = await UploadAsync(world.Administrator, content, "text/plain", kind: "Poem"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, wrongKind.StatusCode);
            Assert.Contains("NOT_ONE_OF", await wrongKind.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }
        using (var number = await UploadAsync(world.Administrator, content, "text/plain", kind: "1"))
            Assert.Equal(HttpStatusCode.BadRequest, number.StatusCode);
        using (var notStaff = await UploadAsync(await world.AsAsync("outsider"), content, "text/plain"))
            Assert.Equal(HttpStatusCode.Forbidden, notStaff.StatusCode);
        using (var anonymousUpload = await UploadAsync(factory.Anonymous(), content, "text/plain"))
            Assert.Equal(HttpStatusCode.Unauthorized, anonymousUpload.StatusCode);
        var crossSite = world.Administrator;
        crossSite.DefaultRequestHeaders.Add("Origin", "https://elsewhere.example");
        using (var fromElsewhere = await UploadAsync(crossSite, content, "text/plain"))
            Assert.Equal(HttpStatusCode.Forbidden, fromElsewhere.StatusCode);
        Assert.Single((await world.ReadAsync(id))["documents"]!.AsArray());

        var link = await MeetingWorld.ChangeAsync(world.Administrator, "addDocumentLink(id: $id, document: $d)", "($id: ID!, $d: DocumentLinkInput!)",
            new { id, d = new { title = "Conclusions", kind = "CONCLUSIONS", visibility = "PUBLIC", url = "https://www.icmpd.org/mtm" } });
        Assert.Equal(2, link.EnsureNoErrors().Data("result", "meeting", "documents").AsArray().Count);
        var badLink = await MeetingWorld.ChangeAsync(world.Administrator, "addDocumentLink(id: $id, document: $d)", "($id: ID!, $d: DocumentLinkInput!)",
            new { id, d = new { title = "Bad", kind = "OTHER", url = "javascript:alert(1)" } });
        Assert.Equal("VALIDATION", badLink.Code);
        Assert.Single((await world.ReadAsync(id, await world.AsAsync("outsider")))["documents"]!.AsArray());

        // The app sends the schema's names (DISCUSSION_GUIDE, DIALOGUE_MEMBERS), as the GraphQL API spells them.
        using (var apiNames = await UploadAsync(world.Administrator, content, "text/plain", kind: "PRESENTATION", visibility: "DIALOGUE_MEMBERS"))
            Assert.Equal(HttpStatusCode.Created, apiNames.StatusCode);
        using (var guide = await UploadAsync(world.Administrator, content, "text/plain", kind: "DISCUSSION_GUIDE"))
            Assert.Equal(HttpStatusCode.Created, guide.StatusCode);
        var kinds = (await world.ReadAsync(id))["documents"]!.AsArray().Select(d => (d!["kind"]!.GetValue<string>(), d["visibility"]!.GetValue<string>())).ToList();
        Assert.Contains(("PRESENTATION", "DIALOGUE_MEMBERS"), kinds);
        Assert.Contains(("DISCUSSION_GUIDE", "PARTICIPANTS"), kinds);
    }

    [Fact]
    public async Task Booked_people_and_a_taken_venue_are_warned_about()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var first = await ScheduledMeetingAsync(world, MeetingWorld.Details("2032-01-12T09:00", "2032-01-12T17:00"));
        var v = (await world.ReadAsync(first))["version"]!.GetValue<int>();
        (await MeetingWorld.ChangeAsync(world.Administrator, "setMeetingChairs(id: $id, coChairIds: $c, expectedVersion: $v)", "($id: ID!, $c: [ID!]!, $v: Int!)",
            new { id = first, v, c = new[] { world.People["it1"], world.People["ma1"] } })).EnsureNoErrors();

        var second = (await world.CreateMeetingAsync(MeetingWorld.Details("2032-01-12T14:00", "2032-01-13T12:00")));
        var created = await world.Administrator.GraphQLAsync(
            $"mutation($k: String!, $d: MeetingDetailsInput!) {{ createMeeting(key: $k, details: $d) {{ warnings {{ code message }} }} }}",
            new { k = world.Key, d = MeetingWorld.Details("2032-01-12T14:00", "2032-01-13T12:00") });
        Assert.Contains(created.Data("createMeeting", "warnings").AsArray(), w => w!["code"]!.GetValue<string>() == "VENUE_TAKEN");

        var secondId = second["id"]!.GetValue<string>();
        var chairs = await MeetingWorld.ChangeAsync(world.Administrator, "setMeetingChairs(id: $id, coChairIds: $c, expectedVersion: $v)", "($id: ID!, $c: [ID!]!, $v: Int!)",
            new { id = secondId, v = second["version"]!.GetValue<int>(), c = new[] { world.People["it1"], world.People["eg1"] } });
        var warning = Assert.Single(chairs.EnsureNoErrors().Data("result", "warnings").AsArray(), w => w!["code"]!.GetValue<string>() == "PERSON_BOOKED")!;
        Assert.Contains("Italian Co-chair", warning["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_scheduling_assistant_proposes_slots_inside_everyone_s_working_hours_around_their_meetings()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var busy = await ScheduledMeetingAsync(world, MeetingWorld.Details("2033-03-07T09:00", "2033-03-07T17:00"));
        var v = (await world.ReadAsync(busy))["version"]!.GetValue<int>();
        (await MeetingWorld.ChangeAsync(world.Administrator, "setMeetingChairs(id: $id, coChairIds: $c, expectedVersion: $v)", "($id: ID!, $c: [ID!]!, $v: Int!)",
            new { id = busy, v, c = new[] { world.People["eg1"] } })).EnsureNoErrors();
        const string Query = "query($k: String!, $r: SlotRequestInput!) { suggestMeetingSlots(key: $k, request: $r) { startsAt endsAt } }";

        // Monday 7 March 2033 is taken by a meeting; Dakar (UTC+0) and Cairo (UTC+2) overlap from 09:00 to 15:00 UTC.
        var slots = await world.Administrator.GraphQLAsync(Query, new
        {
            k = world.Key,
            r = new { personIds = new[] { world.People["eg1"], world.People["sn1"] }, from = "2033-03-07", to = "2033-03-08", durationMinutes = 120, timeZone = "Europe/Malta", maxResults = 3 },
        });

        Assert.Equal(
            ["2033-03-08T09:00:00+00:00 2033-03-08T11:00:00+00:00", "2033-03-08T09:30:00+00:00 2033-03-08T11:30:00+00:00", "2033-03-08T10:00:00+00:00 2033-03-08T12:00:00+00:00"],
            slots.EnsureNoErrors().Data("suggestMeetingSlots").AsArray().Select(s => $"{s!["startsAt"]} {s["endsAt"]}"));
        var delegateAsks = await (await world.AsAsync("eg1")).GraphQLAsync(Query, new
        {
            k = world.Key,
            r = new { personIds = new[] { world.People["sn1"] }, from = "2033-03-07", to = "2033-03-08", durationMinutes = 60, timeZone = "Europe/Malta" },
        });
        Assert.Equal("FORBIDDEN", delegateAsks.Code);
        var tooLong = await world.Administrator.GraphQLAsync(Query, new
        {
            k = world.Key,
            r = new { personIds = new[] { world.People["sn1"] }, from = "2033-03-07", to = "2033-09-08", durationMinutes = 60, timeZone = "Europe/Malta" },
        });
        Assert.Equal("VALIDATION", tooLong.Code);
    }

    [Fact]
    public async Task A_CSV_import_reports_every_bad_line_and_imports_nothing_until_clean()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        (await world.Administrator.GraphQLAsync("mutation($k: String!) { createCity(key: $k, cityKey: \"tunis\", name: \"Tunis\", countryCode: \"TN\") { id } }", new { k = world.Key })).EnsureNoErrors();
        const string Import = "mutation($k: String!, $csv: String!, $dry: Boolean) { importMembers(key: $k, csv: $csv, dryRun: $dry) { dryRun imported problems { line field message reason values { name value } } } }";
        var unique = Guid.NewGuid().ToString("N")[..8];
        var bad = $"""
            email,name,preferredLanguage,roles,partnerStateCode,organisationKey,city
            ok-{unique}@example.org,Okay Person,fr,Delegate,MA,,
            not-an-address,Bad Address,en,Delegate,MA,,
            nostate-{unique}@example.org,No State,en,FocalPoint,,,
            wrongrole-{unique}@example.org,Wrong Role,en,President,,,
            "quoted-{unique}@example.org","Quoted, Person",ar,CityOfficial,,,Tunis
            ok-{unique}@example.org,Twice,fr,Delegate,MA,,
            atlantis-{unique}@example.org,Typed City,en,CityOfficial,,,Atlantis
            """;

        var report = (await world.Administrator.GraphQLAsync(Import, new { k = world.Key, csv = bad, dry = false })).EnsureNoErrors().Data("importMembers");

        Assert.Equal(0, report["imported"]!.GetValue<int>());
        Assert.Equal([3, 4, 5, 7, 8], report["problems"]!.AsArray().Select(p => p!["line"]!.GetValue<int>()));
        Assert.Equal(["email", "partnerStateCode", "roles", "email", "city"], report["problems"]!.AsArray().Select(p => p!["field"]!.GetValue<string>()));
        // Each problem also comes as a reason and its sentence's values, for the app to say in the user's language.
        Assert.Equal(["INVALID_EMAIL", "REQUIRED", "UNKNOWN_ROLES", "DUPLICATE_EMAIL", "UNKNOWN_CITY"], report["problems"]!.AsArray().Select(p => p!["reason"]!.GetValue<string>()));
        var values = report["problems"]!.AsArray().Select(p => p!["values"]!.AsArray().ToDictionary(v => v!["name"]!.GetValue<string>(), v => v!["value"]!.GetValue<string>())).ToList();
        Assert.Equal("President", values[2]["roles"]);
        Assert.Equal(string.Join(", ", Enum.GetNames<DialogueRole>()), values[2]["known"]);
        Assert.Equal(new Dictionary<string, string> { ["line"] = "2" }, values[3]);
        var members = (await world.Administrator.GraphQLAsync("query($k: String!) { dialogue(key: $k) { members { personId } } }", new { k = world.Key })).Data("dialogue", "members").AsArray().Count;

        var clean = $"""
            email,name,preferredLanguage,roles,partnerStateCode,organisationKey,city
            ok-{unique}@example.org,Okay Person,fr,Delegate;FocalPoint,MA,,
            "quoted-{unique}@example.org","Quoted, Person",ar,City_Official,,,Tunis
            iom-{unique}@example.org,IOM Officer,en,Agency,,iom,
            """;
        var dry = (await world.Administrator.GraphQLAsync(Import, new { k = world.Key, csv = clean })).EnsureNoErrors().Data("importMembers");
        Assert.Equal("""{"dryRun":true,"imported":0,"problems":[]}""", dry.ToJsonString());
        Assert.Equal(members, (await world.Administrator.GraphQLAsync("query($k: String!) { dialogue(key: $k) { members { personId } } }", new { k = world.Key })).Data("dialogue", "members").AsArray().Count);

        var done = (await world.Administrator.GraphQLAsync(Import, new { k = world.Key, csv = clean, dry = false })).EnsureNoErrors().Data("importMembers");
        Assert.Equal(3, done["imported"]!.GetValue<int>());
        var dialogue = (await world.Administrator.GraphQLAsync("query($k: String!) { dialogue(key: $k) { members { roles city person { name email preferredLanguage } } } }", new { k = world.Key })).Data("dialogue");
        Assert.Contains(dialogue["members"]!.AsArray(), m => m!["person"]!["name"]!.GetValue<string>() == "Quoted, Person" && m["city"]!.GetValue<string>() == "Tunis");
        Assert.Equal(members + 3, dialogue["members"]!.AsArray().Count);

        Assert.Equal("FORBIDDEN", (await (await world.AsAsync("it2")).GraphQLAsync(Import, new { k = world.Key, csv = clean })).Code);
        // Authorization comes first, even for a file none of whose lines could be read as a person.
        Assert.Equal("FORBIDDEN", (await (await world.AsAsync("it2")).GraphQLAsync(Import, new { k = world.Key, csv = "email,name,roles\nx@example.org,X,President" })).Code);
        Assert.Equal("VALIDATION", (await world.Administrator.GraphQLAsync(Import, new { k = world.Key, csv = "name,roles\nx,Delegate" })).Code);
        Assert.Equal("VALIDATION", (await world.Administrator.GraphQLAsync(Import, new { k = world.Key, csv = "" })).Code);
        // Files the CSV reader itself refuses (found by FuzzTests): a line longer than its buffer, a column named twice.
        Assert.Equal("VALIDATION", (await world.Administrator.GraphQLAsync(Import, new { k = world.Key, csv = new string('w', 20_000) })).Code);
        Assert.Equal("VALIDATION", (await world.Administrator.GraphQLAsync(Import, new { k = world.Key, csv = $"email,name,roles,email\nok-{unique}@example.org,Okay,Delegate,x@example.org" })).Code);
    }

    [Fact]
    public async Task Only_the_secretariat_lists_another_person_s_meetings()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        await ScheduledMeetingAsync(world, MeetingWorld.Details(visibility: "DIALOGUE_MEMBERS"));
        const string Query = "query($k: String!, $p: ID) { meetings(key: $k, filter: { personId: $p }) { totalCount } }";

        Assert.Equal("FORBIDDEN", (await (await world.AsAsync("it2")).GraphQLAsync(Query, new { k = world.Key, p = world.People["eg1"] })).Code);
        (await (await world.AsAsync("it2")).GraphQLAsync(Query, new { k = world.Key, p = world.People["it2"] })).EnsureNoErrors();
        (await world.Administrator.GraphQLAsync(Query, new { k = world.Key, p = world.People["eg1"] })).EnsureNoErrors();
    }

    [Fact]
    public async Task Someone_removed_from_the_dialogue_loses_the_meetings_they_were_part_of()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var id = await ScheduledMeetingAsync(world);
        await StateInvitations.InviteStatesAsync(world.Administrator, id, "EG");
        var delegateClient = await world.AsAsync("eg1");
        await world.ReadAsync(id, delegateClient);
        var version = (await world.Administrator.GraphQLAsync("query($k: String!) { dialogue(key: $k) { version } }", new { k = world.Key })).Data("dialogue", "version").GetValue<int>();

        (await world.Administrator.GraphQLAsync("mutation($k: String!, $p: ID!, $v: Int!) { removeMember(key: $k, personId: $p, expectedVersion: $v) { version } }",
            new { k = world.Key, p = world.People["eg1"], v = version })).EnsureNoErrors();

        Assert.Equal("NOT_FOUND", (await delegateClient.GraphQLAsync("query($id: ID!) { meeting(id: $id) { id } }", new { id })).Code);
    }
}
