namespace Collaboration.Server.Tests;

/// <summary>
/// A dialogue set up through GraphQL for meeting tests: partner states in three regional groups, two
/// agencies, secretariat staff and delegates, each person able to sign in.
/// </summary>
public sealed class MeetingWorld
{
    private readonly CollaborationFactory _factory;
    private readonly Dictionary<string, HttpClient> _sessions = [];

    private MeetingWorld(CollaborationFactory factory, string key)
    {
        _factory = factory;
        Key = key;
    }

    public string Key { get; }

    /// <summary>Person ids by a short name the tests use: "staff", "it1", "ma1", …</summary>
    public Dictionary<string, string> People { get; } = [];

    public Dictionary<string, string> Emails { get; } = [];

    public HttpClient Administrator => _factory.Administrator();

    public static async Task<MeetingWorld> CreateAsync(CollaborationFactory factory, bool strictBalance = false)
    {
        var world = new MeetingWorld(factory, "m" + Guid.NewGuid().ToString("N")[..10]);
        var admin = factory.Administrator();
        (await admin.GraphQLAsync(
            """
            mutation($k: String!, $strict: Boolean) {
              createDialogue(key: $k, settings: {
                name: "Mediterranean Transit Migration Dialogue", workingLanguages: ["ar", "en", "fr"],
                regionalGroups: ["European", "Arab", "African"],
                pillars: ["Irregular and Mixed Migration", "Migration and Development", "Cross-cutting"],
                coChairsPerMeeting: 2, strictCoChairBalance: $strict,
                topics: ["Return and reintegration", "Labour migration", "Diaspora engagement"] }) { key }
            }
            """,
            new { k = world.Key, strict = strictBalance })).EnsureNoErrors();
        foreach (var (code, name, group, otherNames) in (ValueTuple<string, string, string, string[]>[])[
            ("MT", "Malta", "European", ["Malte", "مالطا"]), ("IT", "Italy", "European", ["Italie", "إيطاليا"]), ("MA", "Morocco", "Arab", ["Maroc", "المغرب"]),
            ("EG", "Egypt", "Arab", ["Égypte", "مصر"]), ("SN", "Senegal", "African", ["Sénégal", "السنغال"])])
        {
            (await admin.GraphQLAsync(
                "mutation($k: String!, $s: PartnerStateInput!) { addPartnerState(key: $k, partnerState: $s) { version } }",
                new { k = world.Key, s = new { code, name, yearJoined = 2002, regionalGroup = group, otherNames } })).EnsureNoErrors();
        }
        foreach (var (key, acronym) in (ValueTuple<string, string>[])[("unhcr", "UNHCR"), ("iom", "IOM")])
        {
            (await admin.GraphQLAsync(
                "mutation($k: String!, $o: OrganisationInput!) { addPartnerAgency(key: $k, organisation: $o) { version } }",
                new { k = world.Key, o = new { key, name = acronym, acronym } })).EnsureNoErrors();
        }

        await world.AddAsync("staff", "Samira Staff", "SECRETARIAT");
        await world.AddAsync("it1", "Italian Co-chair", "DELEGATE", state: "IT");
        await world.AddAsync("ma1", "Moroccan Co-chair", "FOCAL_POINT, DELEGATE", state: "MA");
        await world.AddAsync("it2", "Italian Delegate", "DELEGATE", state: "IT");
        await world.AddAsync("ma2", "Moroccan Delegate", "DELEGATE", state: "MA");
        await world.AddAsync("eg1", "Egyptian Delegate", "DELEGATE", state: "EG", timeZone: "Africa/Cairo", language: "ar");
        await world.AddAsync("eg2", "Second Egyptian Delegate", "DELEGATE", state: "EG");
        await world.AddAsync("sn1", "Senegalese Delegate", "DELEGATE", state: "SN", timeZone: "Africa/Dakar", language: "fr");
        await world.AddAsync("unhcr1", "UNHCR Officer", "AGENCY", organisation: "unhcr");
        await world.AddAsync("outsider", "Uninvited Member", "DELEGATE", state: "MT");
        return world;
    }

    public async Task AddAsync(string alias, string name, string roles, string? state = null, string? organisation = null, string? timeZone = null, string language = "en", string? cityId = null)
    {
        var email = $"{alias}-{Guid.NewGuid():N}@example.org";
        var added = await _factory.Administrator().GraphQLAsync(
            $"mutation($k: String!, $p: PersonInput!, $s: String, $o: String, $c: ID) {{ addMember(key: $k, person: $p, membership: {{ roles: [{roles}], partnerStateCode: $s, organisationKey: $o, cityId: $c }}) {{ members {{ personId person {{ email }} }} }} }}",
            new { k = Key, p = new { name, email, timeZone, preferredLanguage = language }, s = state, o = organisation, c = cityId });
        added.EnsureNoErrors();
        People[alias] = added.Data("addMember", "members").AsArray()
            .Single(m => m!["person"]!["email"]!.GetValue<string>() == email)!["personId"]!.GetValue<string>();
        Emails[alias] = email;
    }

    /// <summary>A signed-in browser session of one of the world's people (made once, then reused).</summary>
    public async Task<HttpClient> AsAsync(string alias)
    {
        if (!_sessions.TryGetValue(alias, out var client))
            _sessions[alias] = client = await _factory.SignInAsync(Emails[alias]);
        return client;
    }

    public const string MeetingFields = """
        id status revision version capacity acceptedCount waitlistCount startsAt endsAt startsLocal endsLocal timeZone hostCountry city
        titles { language text }
        sessions { id title startsAt endsAt moderators { name } }
        coChairs { personId name affiliation regionalGroup }
        rapporteurs { name }
        invitations { invitee { personId name affiliation } status waitlistPosition deliveryProblem }
        participants { name affiliation }
        myInvitation { status waitlistPosition }
        documents { id title kind url visibility fileName size }
        auditTrail { action summary personId }
        """;

    public static object Details(
        string starts = "2012-05-22T09:00", string ends = "2012-05-22T18:00", int? capacity = 3, string timeZone = "Europe/Malta",
        string host = "MT", string visibility = "PARTICIPANTS", bool liveNotes = true, string? venue = "Mediterranean Conference Centre",
        string attributionGuard = "WARN", string format = "IN_PERSON", string? onlineMeetingUrl = null) => new
    {
        attributionGuard,
        format,
        onlineMeetingUrl,
        titles = new[] { new { language = "en", text = "MTM 10-Year Anniversary Event" }, new { language = "fr", text = "Événement du 10e anniversaire du MTM" } },
        type = "CONFERENCE",
        pillar = "Cross-cutting",
        hostCountry = host,
        city = "Valletta",
        venue,
        timeZone,
        startsLocal = starts,
        endsLocal = ends,
        workingLanguages = new[] { "ar", "en", "fr" },
        interpretation = true,
        capacity,
        visibility,
        liveNotesForParticipants = liveNotes,
    };

    public async Task<JsonNode> CreateMeetingAsync(object? details = null)
    {
        var created = await Administrator.GraphQLAsync(
            $"mutation($k: String!, $d: MeetingDetailsInput!) {{ createMeeting(key: $k, details: $d) {{ meeting {{ {MeetingFields} }} warnings {{ code }} }} }}",
            new { k = Key, d = details ?? Details() });
        return created.EnsureNoErrors().Data("createMeeting", "meeting");
    }

    /// <summary>The two working sessions most tests use, on the meeting's day.</summary>
    public static readonly (string Title, string Starts, string Ends)[] TwoSessions =
        [("Irregular and mixed migration flows", "2012-05-22T09:30", "2012-05-22T11:00"), ("Migration and development", "2012-05-22T11:30", "2012-05-22T13:00")];

    /// <summary>
    /// A meeting with working sessions, co-chairs and rapporteurs (people by alias), taken as far as asked:
    /// scheduled with these partner states invited and these invitees accepted, then opened. Answers its id
    /// and the ids of its sessions.
    /// </summary>
    public async Task<(string Id, List<string> SessionIds)> ChairedMeetingAsync(
        (string Title, string Starts, string Ends)[] sessions, string[] coChairs, string[] rapporteurs,
        string[]? invitedStates = null, string[]? accepting = null, bool open = false, object? details = null)
    {
        var meeting = await CreateMeetingAsync(details ?? Details(capacity: 10));
        var id = meeting["id"]!.GetValue<string>();
        var v = meeting["version"]!.GetValue<int>();
        foreach (var (title, starts, ends) in sessions)
        {
            v = (await ChangeAsync(Administrator, "addWorkingSession(id: $id, session: $s, expectedVersion: $v)", "($id: ID!, $s: WorkingSessionInput!, $v: Int!)",
                new { id, v, s = new { title, startsLocal = starts, endsLocal = ends } })).EnsureNoErrors().Data("result", "meeting", "version").GetValue<int>();
        }
        var chaired = await ChangeAsync(Administrator, "setMeetingChairs(id: $id, coChairIds: $c, rapporteurIds: $r, expectedVersion: $v)", "($id: ID!, $c: [ID!]!, $r: [ID!], $v: Int!)",
            new { id, v, c = coChairs.Select(a => People[a]).ToArray(), r = rapporteurs.Select(a => People[a]).ToArray() });
        var sessionIds = chaired.EnsureNoErrors().Data("result", "meeting", "sessions").AsArray().Select(s => s!["id"]!.GetValue<string>()).ToList();
        if (invitedStates is null)
            return (id, sessionIds);
        (await ChangeAsync(Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id })).EnsureNoErrors();
        await StateInvitations.InviteStatesAsync(Administrator, id, invitedStates);
        foreach (var alias in accepting ?? [])
            (await ChangeAsync(await AsAsync(alias), "respondToInvitation(id: $id, response: ACCEPT)", "($id: ID!)", new { id })).EnsureNoErrors();
        if (open)
            (await ChangeAsync(Administrator, "openMeeting(id: $id)", "($id: ID!)", new { id })).EnsureNoErrors();
        return (id, sessionIds);
    }

    public async Task<JsonNode> ReadAsync(string meetingId, HttpClient? client = null) =>
        (await (client ?? Administrator).GraphQLAsync($"query($id: ID!) {{ meeting(id: $id) {{ {MeetingFields} }} }}", new { id = meetingId }))
        .EnsureNoErrors().Data("meeting");

    /// <summary>Runs a meeting mutation (its payload is MeetingPayload) and answers the response.</summary>
    public static Task<GraphQLResponse> ChangeAsync(HttpClient client, string mutation, string arguments, object variables) =>
        client.GraphQLAsync($"mutation{arguments} {{ result: {mutation} {{ meeting {{ {MeetingFields} }} warnings {{ code message values {{ name value }} }} }} }}", variables);
}
