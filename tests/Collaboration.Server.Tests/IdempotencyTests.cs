using System.Net.Http.Headers;

namespace Collaboration.Server.Tests;

/// <summary>
/// Retries never double: a client that lost the answer to a creating request sends it again with the same
/// idempotency key and gets what the first request made. Each request here is sent twice with one key, as a
/// retry after a lost answer would, and then once with a new key, which creates.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class IdempotencyTests(CollaborationFactory factory)
{
    /// <summary>
    /// The request, its retry with the same key, and (for a request that names no version, which a second
    /// creation would find stale) the same request with a new key.
    /// </summary>
    private static async Task<(JsonNode First, JsonNode Retry, JsonNode? Fresh)> ThriceAsync(
        HttpClient client, string document, Func<string, object> variables, string field, bool versioned = false)
    {
        var key = Guid.NewGuid().ToString();
        var first = (await client.GraphQLAsync(document, variables(key))).EnsureNoErrors().Data(field);
        var retry = (await client.GraphQLAsync(document, variables(key))).EnsureNoErrors().Data(field);
        var fresh = versioned ? null : (await client.GraphQLAsync(document, variables(Guid.NewGuid().ToString()))).EnsureNoErrors().Data(field);
        return (first, retry, fresh);
    }

    [Fact]
    public async Task Meetings_sessions_and_documents_are_created_once_per_key()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var admin = world.Administrator;

        var (first, retry, fresh) = await ThriceAsync(admin,
            "mutation($k: String!, $d: MeetingDetailsInput!, $i: String) { createMeeting(key: $k, details: $d, idempotencyKey: $i) { meeting { id } } }",
            key => new { k = world.Key, d = MeetingWorld.Details(), i = key }, "createMeeting");
        var id = first["meeting"]!["id"]!.GetValue<string>();
        Assert.Equal(id, retry["meeting"]!["id"]!.GetValue<string>());
        Assert.NotEqual(id, fresh!["meeting"]!["id"]!.GetValue<string>());

        // The retry of a versioned creation carries the version the first one saw: it answers the first result, not CONFLICT.
        var version = (await world.ReadAsync(id))["version"]!.GetValue<int>();
        var sessions = await ThriceAsync(admin,
            "mutation($id: ID!, $v: Int!, $i: String) { addWorkingSession(id: $id, expectedVersion: $v, idempotencyKey: $i, session: { title: \"Opening\", startsLocal: \"2012-05-22T09:30\", endsLocal: \"2012-05-22T10:00\" }) { meeting { version sessions { id } } } }",
            key => new { id, v = version, i = key }, "addWorkingSession", versioned: true);
        Assert.Single(sessions.Retry["meeting"]!["sessions"]!.AsArray());
        Assert.Equal(sessions.First["meeting"]!["version"]!.GetValue<int>(), sessions.Retry["meeting"]!["version"]!.GetValue<int>());

        var links = await ThriceAsync(admin,
            "mutation($id: ID!, $i: String) { addDocumentLink(id: $id, idempotencyKey: $i, document: { title: \"Concept note\", kind: BACKGROUND, url: \"https://example.org/note.pdf\" }) { meeting { documents { id } } } }",
            key => new { id, i = key }, "addDocumentLink");
        Assert.Single(links.Retry["meeting"]!["documents"]!.AsArray());
        Assert.Equal(2, links.Fresh!["meeting"]!["documents"]!.AsArray().Count);

        // An upload retried with the same Idempotency-Key header.
        var uploadKey = Guid.NewGuid().ToString();
        async Task<JsonNode> Upload()
        {
            using var form = new MultipartFormDataContent { { new StringContent("BACKGROUND"), "kind" } };
            var file = new ByteArrayContent("%PDF-1.4 agenda"u8.ToArray());
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            form.Add(file, "file", "agenda.pdf");
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/meetings/{id}/documents") { Content = form };
            request.Headers.Add("Idempotency-Key", uploadKey);
            request.Headers.Add("Origin", admin.BaseAddress!.GetLeftPart(UriPartial.Authority));
            using var response = await admin.SendAsync(request, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        }
        Assert.Equal((await Upload())["id"]!.GetValue<string>(), (await Upload())["id"]!.GetValue<string>());
        Assert.Equal(3, (await admin.GraphQLAsync("query($id: ID!) { meeting(id: $id) { documents { id } } }", new { id })).Data("meeting", "documents").AsArray().Count);

        Assert.Equal("VALIDATION", (await admin.GraphQLAsync(
            "mutation($id: ID!) { addDocumentLink(id: $id, idempotencyKey: \"not a key!\", document: { title: \"X\", kind: BACKGROUND, url: \"https://example.org/x.pdf\" }) { meeting { id } } }",
            new { id })).Code);
    }

    [Fact]
    public async Task Exchange_requests_partnerships_priorities_and_group_items_are_created_once_per_key()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var admin = world.Administrator;
        var drafter = await world.AsAsync("ma2");

        var exchange = await ThriceAsync(drafter,
            "mutation($k: String!, $r: ExchangeRequestInput!, $i: String) { requestExpertExchange(key: $k, request: $r, idempotencyKey: $i) { id } }",
            key => new
            {
                k = world.Key, i = key,
                r = new { requestingStateCode = "MA", requestingExpertId = world.People["ma2"], kind = "STUDY_VISIT", topic = "Return and reintegration",
                    objectives = "See reintegration counselling at work.", preferredFrom = "2031-03-01", preferredTo = "2031-04-30", durationDays = 3, language = "fr" },
            }, "requestExpertExchange");
        Assert.Equal(exchange.First["id"]!.GetValue<string>(), exchange.Retry["id"]!.GetValue<string>());
        Assert.NotEqual(exchange.First["id"]!.GetValue<string>(), exchange.Fresh!["id"]!.GetValue<string>());
        Assert.Equal(2, (await drafter.GraphQLAsync("query($k: String!) { expertExchanges(key: $k) { id } }", new { k = world.Key })).Data("expertExchanges").AsArray().Count);

        var priority = await ThriceAsync(admin,
            "mutation($k: String!, $i: String) { addPriority(key: $k, partnerStateCode: \"EG\", expectedVersion: 0, idempotencyKey: $i, priority: { kind: OFFER, topic: \"Return and reintegration\", description: \"Counselling.\" }) { priorities { id } } }",
            key => new { k = world.Key, i = key }, "addPriority", versioned: true);
        Assert.Single(priority.Retry["priorities"]!.AsArray());

        const string CreateCity = "mutation($k: String!, $c: String!, $n: String!, $cc: String!) { createCity(key: $k, cityKey: $c, name: $n, countryCode: $cc) { id } }";
        var tangier = (await admin.GraphQLAsync(CreateCity, new { k = world.Key, c = "tangier", n = "Tangier", cc = "MA" })).EnsureNoErrors().Data("createCity", "id").GetValue<string>();
        var turin = (await admin.GraphQLAsync(CreateCity, new { k = world.Key, c = "turin", n = "Turin", cc = "IT" })).EnsureNoErrors().Data("createCity", "id").GetValue<string>();
        var partnership = await ThriceAsync(admin,
            "mutation($k: String!, $c: [ID!]!, $i: String) { createCityPartnership(key: $k, cityIds: $c, theme: \"Reception\", roadmapStart: \"2031-01-01\", roadmapEnd: \"2031-12-31\", idempotencyKey: $i) { id version } }",
            key => new { k = world.Key, c = new[] { tangier, turin }, i = key }, "createCityPartnership");
        Assert.Equal(partnership.First["id"]!.GetValue<string>(), partnership.Retry["id"]!.GetValue<string>());
        var milestone = await ThriceAsync(admin,
            "mutation($id: ID!, $v: Int!, $i: String) { addMilestone(id: $id, title: \"Peer visit\", dueDate: \"2031-06-01\", expectedVersion: $v, idempotencyKey: $i) { milestones { id } } }",
            key => new { id = partnership.First["id"]!.GetValue<string>(), v = partnership.First["version"]!.GetValue<int>(), i = key }, "addMilestone", versioned: true);
        Assert.Single(milestone.Retry["milestones"]!.AsArray());

        var group = (await admin.GraphQLAsync(
            "mutation($k: String!, $g: WorkingGroupInput!) { createWorkingGroup(key: $k, groupKey: \"labour\", group: $g) { id } }",
            new { k = world.Key, g = new { name = "Labour mobility", mandate = "Exchange on labour mobility.", partnerStateCodes = new[] { "EG" } } })).EnsureNoErrors().Data("createWorkingGroup", "id").GetValue<string>();
        var item = await ThriceAsync(admin,
            "mutation($id: ID!, $o: ID!, $i: String) { addActionItem(id: $id, idempotencyKey: $i, item: { title: \"Map programmes\", ownerId: $o, dueDate: \"2031-02-01\" }) { actionItems { id } documents { id } } }",
            key => new { id = group, o = world.People["eg1"], i = key }, "addActionItem");
        Assert.Single(item.Retry["actionItems"]!.AsArray());
        var document = await ThriceAsync(admin,
            "mutation($id: ID!, $i: String) { addWorkingGroupDocument(id: $id, title: \"Terms of reference\", url: \"https://example.org/tor.pdf\", idempotencyKey: $i) { documents { id } } }",
            key => new { id = group, i = key }, "addWorkingGroupDocument");
        Assert.Single(document.Retry["documents"]!.AsArray());
    }
}
