using Microsoft.AspNetCore.SignalR.Client;

namespace Collaboration.Server.Tests;

public enum MeetingStage { Draft, Scheduled, InProgress }

/// <summary>
/// The dialogue the authorization matrix is probed on: one person per role, a meeting in progress with its
/// co-chairs, rapporteur and Egypt's delegation, a working group, Egypt's registry and a request, two cities
/// in a partnership. Fresh objects in a given state are made on demand for the steps that consume them.
/// </summary>
public sealed class AuthorizationWorld
{
    private readonly CollaborationFactory _factory;
    private readonly MeetingWorld _world;

    private AuthorizationWorld(CollaborationFactory factory, MeetingWorld world)
    {
        _factory = factory;
        _world = world;
    }

    public string Key => _world.Key;

    public Dictionary<string, string> People => _world.People;

    public Dictionary<string, Actor> Actors { get; } = [];

    public string MeetingId { get; private set; } = "";

    public string SessionId { get; private set; } = "";

    public string WorkingGroupId { get; private set; } = "";

    public string ActionItemId { get; private set; } = "";

    public string PriorityId { get; private set; } = "";

    public string ExchangeId { get; private set; } = "";

    public string CityId { get; private set; } = "";

    public string OtherCityId { get; private set; } = "";

    public string PartnershipId { get; private set; } = "";

    public string MilestoneId { get; private set; } = "";

    public string OutboxMessageId { get; private set; } = "";

    /// <summary>A conclusion proposed (not adopted) in the probed meeting.</summary>
    public string OutcomeId { get; private set; } = "";

    /// <summary>A meeting like the probed one whose published recommendation addresses Egypt.</summary>
    public string PublishedMeetingId { get; private set; } = "";

    public string RecommendationId { get; private set; } = "";

    /// <summary>A meeting like the probed one whose published recommendation addresses the working group.</summary>
    public string GroupMeetingId { get; private set; } = "";

    public string GroupRecommendationId { get; private set; } = "";

    private HttpClient Admin => _world.Administrator;

    public static async Task<AuthorizationWorld> CreateAsync(CollaborationFactory factory)
    {
        var world = new AuthorizationWorld(factory, await MeetingWorld.CreateAsync(factory));
        await world.PopulateAsync();
        return world;
    }

    private async Task PopulateAsync()
    {
        await _world.AddAsync("egfp", "Egyptian Focal Point", "FOCAL_POINT", state: "EG");
        await _world.AddAsync("rap", "Rapporteur of the Secretariat", "SECRETARIAT");
        await Run(Admin, "mutation($k: String!) { addObserver(key: $k, organisation: { key: \"icmpd\", name: \"Observer Centre\" }) { version } }", new { k = Key });
        await _world.AddAsync("obs1", "Observer Representative", "OBSERVER", organisation: "icmpd");

        // Cities first: the city official's membership names one.
        const string CreateCity = "mutation($k: String!, $c: String!, $n: String!, $cc: String!) { createCity(key: $k, cityKey: $c, name: $n, countryCode: $cc) { id version } }";
        var tangier = (await Run(Admin, CreateCity, new { k = Key, c = "tangier", n = "Tangier", cc = "MA" })).Data("createCity");
        CityId = tangier["id"]!.GetValue<string>();
        OtherCityId = (await Run(Admin, CreateCity, new { k = Key, c = "turin", n = "Turin", cc = "IT" })).Data("createCity", "id").GetValue<string>();
        await _world.AddAsync("city1", "Tangier Official", "CITY_OFFICIAL", cityId: CityId);
        await Run(Admin, "mutation($id: ID!, $v: Int!) { saveCityProfile(id: $id, profile: { overview: \"A port city of transit and arrival.\" }, visibility: DIALOGUE_MEMBERS, expectedVersion: $v) { version } }",
            new { id = CityId, v = tangier["version"]!.GetValue<int>() });
        var partnership = (await Run(Admin,
            "mutation($k: String!, $c: [ID!]!) { createCityPartnership(key: $k, cityIds: $c, theme: \"Reception of newcomers\", roadmapStart: \"2031-01-01\", roadmapEnd: \"2031-12-31\") { id version } }",
            new { k = Key, c = new[] { CityId, OtherCityId } })).Data("createCityPartnership");
        PartnershipId = partnership["id"]!.GetValue<string>();
        MilestoneId = (await Run(Admin, "mutation($id: ID!, $v: Int!) { addMilestone(id: $id, title: \"Peer visit\", dueDate: \"2031-06-01\", expectedVersion: $v) { milestones { id } } }",
            new { id = PartnershipId, v = partnership["version"]!.GetValue<int>() })).Data("addMilestone", "milestones")[0]!["id"]!.GetValue<string>();

        (MeetingId, SessionId) = await MeetingAsync(MeetingStage.InProgress);

        var group = (await Run(Admin, "mutation($k: String!, $g: WorkingGroupInput!) { createWorkingGroup(key: $k, groupKey: \"probe\", group: $g) { id version } }",
            new { k = Key, g = new { name = "Labour mobility working group", mandate = "Exchange on labour mobility.", partnerStateCodes = new[] { "EG" }, chairIds = new[] { People["eg2"] } } }))
            .Data("createWorkingGroup");
        WorkingGroupId = group["id"]!.GetValue<string>();
        await Run(Admin, "mutation($id: ID!, $v: Int!) { setWorkingGroupSeries(id: $id, expectedVersion: $v, series: { recurrenceRule: \"FREQ=MONTHLY;BYDAY=2TU\", timeZone: \"Africa/Cairo\", firstStartsLocal: \"2031-01-14T10:00\", durationMinutes: 90, hostCountry: \"EG\", city: \"Cairo\" }) { version } }",
            new { id = WorkingGroupId, v = group["version"]!.GetValue<int>() });
        ActionItemId = (await Run(Admin, "mutation($id: ID!, $o: ID!) { addActionItem(id: $id, item: { title: \"Circulate the draft\", ownerId: $o, dueDate: \"2031-02-01\" }) { actionItems { id } } }",
            new { id = WorkingGroupId, o = People["eg1"] })).Data("addActionItem", "actionItems")[0]!["id"]!.GetValue<string>();

        PriorityId = (await Run(Admin,
            "mutation($k: String!) { addPriority(key: $k, partnerStateCode: \"EG\", expectedVersion: 0, priority: { kind: OFFER, topic: \"Labour migration\", description: \"Pre-departure orientation.\", languages: [\"ar\"] }) { priorities { id } } }",
            new { k = Key })).Data("addPriority", "priorities")[0]!["id"]!.GetValue<string>();
        ExchangeId = await FreshExchangeAsync("endorseExpertExchange");

        OutcomeId = (await Run(Admin, "mutation($m: ID!) { proposeOutcome(meetingId: $m, outcome: { kind: CONCLUSION, language: \"en\", text: \"Labour mobility data remains scattered.\" }) { outcomes { id } } }",
            new { m = MeetingId })).Data("proposeOutcome", "outcomes")[0]!["id"]!.GetValue<string>();
        (PublishedMeetingId, RecommendationId) = await PublishedRecommendationAsync(new { kind = "PARTNER_STATE", key = "EG" });
        (GroupMeetingId, GroupRecommendationId) = await PublishedRecommendationAsync(new { kind = "WORKING_GROUP", key = WorkingGroupId });

        OutboxMessageId = Guid.NewGuid().ToString("N");

        // The outsider belongs to another dialogue only.
        var other = "o" + Guid.NewGuid().ToString("N")[..10];
        await Run(Admin, "mutation($k: String!) { createDialogue(key: $k, settings: { name: \"Another Dialogue\", workingLanguages: [\"en\"], regionalGroups: [\"European\"] }) { key } }", new { k = other });
        await Run(Admin, "mutation($k: String!) { addPartnerState(key: $k, partnerState: { code: \"FR\", name: \"France\", regionalGroup: \"European\" }) { version } }", new { k = other });
        var outsiderEmail = $"stranger-{Guid.NewGuid():N}@example.org";
        await Run(Admin, "mutation($k: String!, $e: String!) { addMember(key: $k, person: { name: \"Stranger\", email: $e }, membership: { roles: [DELEGATE], partnerStateCode: \"FR\" }) { version } }",
            new { k = other, e = outsiderEmail });

        var adminEmail = (await Run(Admin, "{ viewer { person { email } } }", null)).Data("viewer", "person", "email").GetValue<string>();
        string[] countries = ["FR", "ES", "PT", "GR", "CY", "TN", "DZ", "LY", "JO", "LB", "NE"];
        var i = 0;
        foreach (var (role, alias) in (ValueTuple<string, string>[])[
            ("secretariat", "staff"), ("focal point", "egfp"), ("delegate", "eg1"), ("co-chair", "it1"), ("rapporteur", "rap"),
            ("agency", "unhcr1"), ("observer", "obs1"), ("city official", "city1")])
        {
            Actors[role] = new Actor(_factory, role, await _world.AsAsync(alias), _world.Emails[alias], countries[i++]);
        }
        Actors["administrator"] = new Actor(_factory, "administrator", Admin, adminEmail, countries[i++]);
        Actors["outsider"] = new Actor(_factory, "outsider", await _factory.SignInAsync(outsiderEmail), outsiderEmail, countries[i++]);
        Actors["anonymous"] = new Actor(_factory, "anonymous", _factory.Anonymous(), null, countries[i]);

        // The first entry of the notes, which the edit probes address.
        await using var writer = await HubClient.ConnectAsync(_factory, await Actors["co-chair"].TokenAsync());
        await writer.JoinAsync(MeetingId);
        await writer.AppendAsync(MeetingId, SessionId, "The co-chairs opened the working session on labour mobility.");
    }

    /// <summary>A meeting like the probed one (co-chairs Italy and Morocco, a rapporteur of the secretariat, Egypt invited), at a stage.</summary>
    public async Task<string> FreshMeetingAsync(MeetingStage stage) => (await MeetingAsync(stage)).MeetingId;

    public Task<(string MeetingId, string SessionId)> FreshMeetingWithSessionAsync(MeetingStage stage) => MeetingAsync(stage);

    private async Task<(string MeetingId, string SessionId)> MeetingAsync(MeetingStage stage)
    {
        var (id, sessions) = await _world.ChairedMeetingAsync([("Labour mobility", "2012-05-22T09:30", "2012-05-22T11:00")], ["it1", "ma1"], ["rap"],
            stage == MeetingStage.Draft ? null : ["EG"], ["eg1"], open: stage == MeetingStage.InProgress);
        return (id, sessions[0]);
    }

    /// <summary>A fresh meeting in progress with one recommendation to this addressee, adopted by a co-chair and published.</summary>
    private async Task<(string MeetingId, string OutcomeId)> PublishedRecommendationAsync(object addressee)
    {
        var meetingId = await FreshMeetingAsync(MeetingStage.InProgress);
        var outcome = (await Run(Admin, "mutation($m: ID!, $o: OutcomeInput!) { proposeOutcome(meetingId: $m, outcome: $o) { outcomes { id version } } }",
            new { m = meetingId, o = new { kind = "RECOMMENDATION", language = "en", text = "Pre-departure orientation should reach every labour migrant.", addressees = new[] { addressee } } }))
            .Data("proposeOutcome", "outcomes")[0]!;
        var id = outcome["id"]!.GetValue<string>();
        await Run(await _world.AsAsync("it1"), "mutation($m: ID!, $o: ID!, $v: Int!) { adoptOutcome(meetingId: $m, outcomeId: $o, expectedVersion: $v) { version } }",
            new { m = meetingId, o = id, v = outcome["version"]!.GetValue<int>() });
        await Run(Admin, "mutation($m: ID!) { publishOutcomes(meetingId: $m) { version } }", new { m = meetingId });
        return (meetingId, id);
    }

    /// <summary>A delegate of Senegal just added to the dialogue: id and address.</summary>
    public async Task<(string PersonId, string Email)> FreshMemberAsync()
    {
        var alias = "fresh-" + Guid.NewGuid().ToString("N")[..8];
        await _world.AddAsync(alias, "Fresh Delegate", "DELEGATE", state: "SN");
        return (People[alias], _world.Emails[alias]);
    }

    /// <summary>A document link the secretariat just added to the probed meeting.</summary>
    public async Task<string> FreshDocumentAsync()
    {
        var title = "Background " + Guid.NewGuid().ToString("N")[..8];
        var documents = (await Run(Admin, "mutation($id: ID!, $t: String!) { addDocumentLink(id: $id, document: { title: $t, kind: BACKGROUND, url: \"https://example.org/b.pdf\" }) { meeting { documents { id title } } } }",
            new { id = MeetingId, t = title })).Data("addDocumentLink", "meeting", "documents").AsArray();
        return documents.Single(d => d!["title"]!.GetValue<string>() == title)!["id"]!.GetValue<string>();
    }

    /// <summary>A document the secretariat just added to the dialogue's library, for members.</summary>
    public async Task<string> FreshLibraryDocumentAsync() =>
        (await Run(Admin, "mutation($k: String!) { addLibraryDocument(key: $k, document: { kind: CONCEPT_NOTE, titles: [{ language: \"en\", text: \"Concept note\" }] }) { id } }",
            new { k = Key })).Data("addLibraryDocument", "id").GetValue<string>();

    /// <summary>A request of Egypt's drafted by its delegate and taken to the state in which <paramref name="step"/> applies.</summary>
    public async Task<string> FreshExchangeAsync(string step)
    {
        string[] order = ["submitExpertExchange", "endorseExpertExchange", "reviewExpertExchange", "approveExpertExchange", "confirmExchangeHost", "scheduleExpertExchange", "completeExpertExchange", "evaluateExpertExchange"];
        var target = step switch
        {
            "giveExchangeOpinion" or "rejectExpertExchange" => "approveExpertExchange",
            "declineExchangeHost" => "confirmExchangeHost",
            "withdrawExpertExchange" or "cancelExpertExchange" => "endorseExpertExchange",
            _ => step,
        };
        var delegate_ = await _world.AsAsync("eg1");
        var id = (await Run(delegate_,
            "mutation($k: String!, $e: ID!) { requestExpertExchange(key: $k, request: { requestingStateCode: \"EG\", requestingExpertId: $e, kind: STUDY_VISIT, topic: \"Labour migration\", objectives: \"See pre-departure orientation at work.\", preferredFrom: \"2031-03-01\", preferredTo: \"2031-04-30\", durationDays: 3, language: \"ar\" }) { id } }",
            new { k = Key, e = People["eg1"] })).Data("requestExpertExchange", "id").GetValue<string>();
        foreach (var done in order.TakeWhile(s => s != target))
        {
            var (client, arguments) = done switch
            {
                "submitExpertExchange" => (delegate_, ""),
                "endorseExpertExchange" => (await _world.AsAsync("egfp"), ""),
                "reviewExpertExchange" => (Admin, ", consultedOrganisations: [\"unhcr\"], deadline: \"2031-01-31T00:00:00Z\""),
                "approveExpertExchange" => (Admin, ", hostStateCode: \"MA\""),
                "confirmExchangeHost" => (await _world.AsAsync("ma1"), $", hostExpertIds: [\"{People["ma1"]}\"]"),
                "scheduleExpertExchange" => (Admin, ", startsLocal: \"2031-03-10T09:00\", timeZone: \"Africa/Casablanca\", city: \"Rabat\""),
                _ => (Admin, ""),
            };
            await Run(client, $"mutation($id: ID!) {{ {done}(id: $id{arguments}) {{ id }} }}", new { id });
        }
        return id;
    }

    private static async Task<GraphQLResponse> Run(HttpClient client, string query, object? variables) =>
        (await client.GraphQLAsync(query, variables)).EnsureNoErrors();
}

/// <summary>One role's person: a signed-in browser session (none when anonymous), a token for the hub, a hub connection.</summary>
public sealed class Actor(CollaborationFactory factory, string role, HttpClient http, string? email, string countryCode) : IAsyncDisposable
{
    private string? _token;
    private HubClient? _hub;

    public string Role => role;

    /// <summary>A partner state code no other role adds.</summary>
    public string CountryCode => countryCode;

    public async Task<string?> QueryAsync(string document, object? variables)
    {
        var response = await http.GraphQLAsync(document, variables);
        Assert.True((int)response.Status < 500, $"{role}: {document} answered {(int)response.Status}: {response.Raw}");
        if (response.Errors.Count == 0)
            return null;
        return response.Code ?? throw new InvalidOperationException($"{role}: {document} answered an error without a code: {response.Raw}");
    }

    /// <summary>Reads a viewerMay flag; null when the object cannot be read (NOT_FOUND, UNAUTHENTICATED): it is invisible to this role.</summary>
    public async Task<bool?> ReadFlagAsync(AuthorizationMatrixTests.FlagRead read)
    {
        var response = await http.GraphQLAsync(read.Document, read.Variables);
        Assert.True((int)response.Status < 500, $"{role}: {read.Document} answered {(int)response.Status}: {response.Raw}");
        if (response.Errors.Count > 0)
            return response.Code is "NOT_FOUND" or "UNAUTHENTICATED" ? null : throw new InvalidOperationException($"{role}: {read.Document} answered {response.Raw}");
        return read.Read(response.Body["data"]);
    }

    public async Task<string> TokenAsync()
    {
        if (_token is null)
        {
            var created = (await http.GraphQLAsync("mutation { createAccessToken(name: \"matrix\") { token } }")).EnsureNoErrors();
            _token = created.Data("createAccessToken", "token").GetValue<string>();
        }
        return _token;
    }

    /// <summary>Signs out of a session made for it, so this actor's own session stays.</summary>
    public async Task<string?> SignOutAsync()
    {
        if (email is null)
            return await QueryAsync("mutation { signOut }", null);
        var session = await factory.SignInAsync(email);
        var response = await session.GraphQLAsync("mutation { signOut }");
        return response.Errors.Count == 0 ? null : response.Code;
    }

    public async Task<string?> CreateAndRevokeTokenAsync()
    {
        if (email is null)
            return await QueryAsync("mutation { revokeAccessToken(id: \"0123456789abcdef\") }", null);
        var created = (await http.GraphQLAsync("mutation { createAccessToken(name: \"to revoke\") { accessToken { id } } }")).EnsureNoErrors();
        return await QueryAsync("mutation($id: ID!) { revokeAccessToken(id: $id) }", new { id = created.Data("createAccessToken", "accessToken", "id").GetValue<string>() });
    }

    public async ValueTask DisposeAsync()
    {
        if (_hub is not null)
            await _hub.DisposeAsync();
    }

    /// <summary>Calls the notes hub; anonymous callers cannot connect at all (UNAUTHENTICATED).</summary>
    public async Task<string?> HubAsync(Func<Actor, HubConnection, Task<string?>> call)
    {
        if (email is null)
        {
            await using var refused = await HubClient.ConnectAsync(factory, token: null, start: false);
            var failure = await Record.ExceptionAsync(() => refused.Connection.StartAsync(TestContext.Current.CancellationToken));
            Assert.NotNull(failure);
            return "UNAUTHENTICATED";
        }
        _hub ??= await HubClient.ConnectAsync(factory, await TokenAsync());
        var code = await call(this, _hub.Connection);
        Assert.Equal(HubConnectionState.Connected, _hub.Connection.State);
        return code;
    }
}
