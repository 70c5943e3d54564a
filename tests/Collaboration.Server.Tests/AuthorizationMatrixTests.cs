using System.Reflection;
using System.Text.RegularExpressions;
using Collaboration.Server.Hubs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace Collaboration.Server.Tests;

/// <summary>
/// The authorization matrix of docs/authorization.md, checked against the running server: every query
/// field, mutation and notes-hub method must have a row, every row an operation, and each role must get
/// exactly what its cell says when it calls the operation on the row's object. Before each call, the role
/// reads the viewerMay flag that announces the operation on that object: a flag that says yes must be let
/// through, one that says no must be refused, and an object the role cannot read must refuse the call.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed partial class AuthorizationMatrixTests(CollaborationFactory factory)
{
    /// <summary>The columns of the table, in order.</summary>
    private static readonly string[] Roles =
        ["administrator", "secretariat", "focal point", "delegate", "co-chair", "rapporteur", "agency", "observer", "city official", "outsider", "anonymous"];

    private static string MatrixPath => Path.Combine(RepositoryRoot(), "docs", "authorization.md");

    [Fact]
    public void Every_query_mutation_and_hub_method_has_a_row_and_every_row_an_operation()
    {
        var schema = factory.Services.GetRequiredService<global::GraphQL.Types.ISchema>();
        schema.Initialize();
        var operations = schema.Query.Fields.Select(f => ("query", f.Name))
            .Concat(schema.Mutation!.Fields.Select(f => ("mutation", f.Name)))
            .Concat(typeof(NotesHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
                .Where(m => !m.IsSpecialName && m.Name is not (nameof(Hub.OnConnectedAsync) or nameof(Hub.OnDisconnectedAsync)))
                .Select(m => ("hub", m.Name)))
            .Select(o => $"{o.Item1} {o.Name}")
            .ToHashSet();
        var rows = ReadMatrix().Select(r => $"{r.Kind} {r.Operation}").ToHashSet();

        Assert.Empty(operations.Except(rows).Order());
        Assert.Empty(rows.Except(operations).Order());
        // Only the names of the probes are read here; a probe touches its world when it runs.
        Assert.Empty(rows.Except(Probes(null!).Select(p => $"{p.Kind} {p.Operation}")).Order());
    }

    /// <summary>
    /// The mutations and hub methods every signed-in person may call on their own things (their session, tokens,
    /// feed and profile; leaving a meeting), which no viewerMay flag announces. Any other mutation or hub method needs one.
    /// </summary>
    private static readonly string[] Unflagged =
    [
        "mutation requestSignInLink", "mutation signIn", "mutation completeSetup", "mutation signOut", "mutation createAccessToken",
        "mutation revokeAccessToken", "mutation createCalendarFeed", "mutation revokeCalendarFeed", "mutation updateMyProfile", "hub LeaveMeeting",
    ];

    [Fact]
    public void Every_mutation_and_hub_method_is_announced_by_a_viewerMay_flag()
    {
        var probes = Probes(null!).Where(p => p.Kind is "mutation" or "hub").ToList();
        Assert.Empty(probes.Where(p => p.Flag is null).Select(p => $"{p.Kind} {p.Operation}").Except(Unflagged).Order());
        Assert.Empty(probes.Where(p => p.Flag is not null).Select(p => $"{p.Kind} {p.Operation}").Intersect(Unflagged).Order());
    }

    [Fact]
    public async Task Each_role_gets_what_the_matrix_says_and_restricted_objects_are_invisible()
    {
        var world = await AuthorizationWorld.CreateAsync(factory);
        var expected = ReadMatrix().ToDictionary(r => (r.Kind, r.Operation));
        var mismatches = new List<string>();
        var lies = new List<string>();
        var actualRows = new List<string>();
        foreach (var probe in Probes(world))
        {
            var cells = new List<string>();
            foreach (var role in Roles)
            {
                var actor = world.Actors[role];
                var variables = await probe.Prepare(actor);
                var flag = probe.Flag is { } read ? await actor.ReadFlagAsync(read(variables)) : null;
                var code = await probe.Call(actor, variables);
                if (probe.Flag is not null && Lie(flag, code, probe.Tolerated) is { } lie)
                    lies.Add($"{probe.Kind} {probe.Operation} as {role}: {lie}");
                var actual = code is null || probe.Tolerated.Contains(code) ? "yes"
                    : code is "FORBIDDEN" or "UNAUTHENTICATED" ? "no"
                    : code is "NOT_FOUND" ? "hidden"
                    : $"unexpected {code}";
                cells.Add(actual);
                var row = expected.GetValueOrDefault((probe.Kind, probe.Operation));
                var wanted = row?.Cells[Array.IndexOf(Roles, role)];
                if (wanted != actual)
                    mismatches.Add($"{probe.Kind} {probe.Operation} as {role}: the matrix says {wanted ?? "nothing"}, the server answered {actual} ({code ?? "no error"})");
            }
            actualRows.Add($"| `{probe.Operation}` | {probe.Kind} | {probe.On} | {string.Join(" | ", cells)} |");
        }
        foreach (var actor in world.Actors.Values)
            await actor.DisposeAsync();
        // To redraw the table after a deliberate change of the rules: the rows as the server answered them.
        if (Environment.GetEnvironmentVariable("COLLABORATION_PRINT_MATRIX") is { Length: > 0 } path)
            await File.WriteAllLinesAsync(path, actualRows, TestContext.Current.CancellationToken);
        Assert.True(mismatches.Count == 0, string.Join('\n', mismatches));
        Assert.True(lies.Count == 0, "viewerMay flags that do not predict the call:\n" + string.Join('\n', lies));
    }

    /// <summary>
    /// What is wrong when a flag does not predict its call: true must be let through (not FORBIDDEN or
    /// UNAUTHENTICATED); false must be refused for the role or the state (FORBIDDEN, UNAUTHENTICATED or
    /// INVALID_STATE); a flag the role cannot read (its object is invisible) must come with a refused call.
    /// </summary>
    private static string? Lie(bool? flag, string? code, string[] tolerated) => flag switch
    {
        true when code is "FORBIDDEN" or "UNAUTHENTICATED" => $"the flag said yes, the call answered {code}",
        false when code is not ("FORBIDDEN" or "UNAUTHENTICATED" or "INVALID_STATE") => $"the flag said no, the call answered {code ?? "success"}",
        null when code is null || tolerated.Contains(code) => $"the flag could not be read, yet the call went through ({code ?? "success"})",
        _ => null,
    };

    private sealed record MatrixRow(string Operation, string Kind, string[] Cells);

    private static List<MatrixRow> ReadMatrix()
    {
        var rows = new List<MatrixRow>();
        foreach (var line in File.ReadLines(MatrixPath))
        {
            var match = RowPattern().Match(line);
            if (!match.Success)
                continue;
            var cells = line.Split('|').Skip(1).SkipLast(1).Select(c => c.Trim()).ToArray();
            Assert.True(cells.Length == 3 + Roles.Length, $"The row of {match.Groups[1].Value} has {cells.Length} cells: {line}");
            Assert.All(cells[3..], c => Assert.Contains(c, (string[])["yes", "no", "hidden"]));
            rows.Add(new MatrixRow(match.Groups[1].Value, cells[1], cells[3..]));
        }
        return rows;
    }

    [GeneratedRegex(@"^\|\s*`(\w+)`\s*\|\s*(query|mutation|hub)\s*\|")]
    private static partial Regex RowPattern();

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Collaboration.sln")))
            folder = folder.Parent;
        return folder?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// One operation called by one role on the row's object: <see cref="Prepare"/> makes its variables (and any
    /// fresh object they name), <see cref="Call"/> calls it and answers the error code, or null.
    /// </summary>
    private sealed record Probe(string Operation, string Kind, string On, Func<Actor, Task<object?>> Prepare, Func<Actor, object?, Task<string?>> Call, params string[] Tolerated)
    {
        /// <summary>Where the viewerMay flag that announces the call is read, for the prepared variables; null when no flag does.</summary>
        public Func<object?, FlagRead>? Flag { get; init; }
    }

    /// <summary>A query that reads one viewerMay flag, and how to find it in the answer's data.</summary>
    public sealed record FlagRead(string Document, object? Variables, Func<JsonNode?, bool> Read);

    /// <summary>One of the probe's variables by name (the anonymous objects the probes prepare).</summary>
    private static object? Var(object? variables, string name) => variables?.GetType().GetProperty(name)?.GetValue(variables);

    private static FlagRead Flag(string field, string arguments, string signature, object variables, string flag) =>
        new($"query{signature} {{ {field}{arguments} {{ viewerMay {{ {flag} }} }} }}", variables, data => data?[field]?["viewerMay"]?[flag]?.GetValue<bool>() ?? false);

    private static IEnumerable<Probe> Probes(AuthorizationWorld w)
    {
        const string Type = "{ __typename }";
        Probe Query(string name, string on, string arguments, Func<object?> variables, string signature = "", params string[] tolerated) =>
            new(name, "query", on, _ => Task.FromResult(variables()), (a, v) => a.QueryAsync($"query{signature} {{ {name}{arguments} {(name == "personalData" ? "" : Type)} }}", v), tolerated);
        Probe Scalar(string name, string on, string document, Func<Actor, Task<object?>> variables, params string[] tolerated) =>
            new(name, "mutation", on, variables, (a, v) => a.QueryAsync(document, v), tolerated);
        Probe Change(string name, string on, string signature, string arguments, Func<Actor, Task<object?>> variables, params string[] tolerated) =>
            new(name, "mutation", on, variables, (a, v) => a.QueryAsync($"mutation{signature} {{ {name}({arguments}) {Type} }}", v), tolerated);
        Probe Hub(string name, string on, Func<Actor, HubConnection, object?, Task<string?>> call, Func<Task<object?>>? prepare = null, params string[] tolerated) =>
            new(name, "hub", on, _ => prepare?.Invoke() ?? Task.FromResult<object?>(new { id = w.MeetingId }), (a, v) => a.HubAsync((actor, hub) => call(actor, hub, v)), tolerated);
        Func<Actor, Task<object?>> Vars(Func<object?> make) => _ => Task.FromResult(make());

        // Where each object's flags are read: the object the probe's variables name.
        Func<object?, FlagRead> OnViewer(string flag) => _ => new FlagRead($"{{ viewer {{ viewerMay {{ {flag} }} }} }}", null, data => data?["viewer"]?["viewerMay"]?[flag]?.GetValue<bool>() ?? false);
        Func<object?, FlagRead> OnDialogue(string flag) => _ => Flag("dialogue", "(key: $k)", "($k: String!)", new { k = w.Key }, flag);
        Func<object?, FlagRead> OnMeeting(string flag) => v => Flag("meeting", "(id: $id)", "($id: ID!)", new { id = Var(v, "id") }, flag);
        Func<object?, FlagRead> OnGroup(string flag) => _ => Flag("workingGroup", "(id: $id)", "($id: ID!)", new { id = w.WorkingGroupId }, flag);
        Func<object?, FlagRead> OnRegistry(string flag) => _ => Flag("priorityRegistry", "(key: $k, partnerStateCode: \"EG\")", "($k: String!)", new { k = w.Key }, flag);
        Func<object?, FlagRead> OnExchange(string flag) => v => Flag("expertExchange", "(id: $id)", "($id: ID!)", new { id = Var(v, "id") }, flag);
        Func<object?, FlagRead> OnCity(string flag) => _ => Flag("city", "(id: $id)", "($id: ID!)", new { id = w.CityId }, flag);
        Func<object?, FlagRead> ActionItemMoves(string status) => _ => new FlagRead(
            "query($id: ID!) { workingGroup(id: $id) { actionItems { id viewerMayMoveTo } } }", new { id = w.WorkingGroupId },
            data => data?["workingGroup"]?["actionItems"]?.AsArray().Single(i => i!["id"]!.GetValue<string>() == w.ActionItemId)!["viewerMayMoveTo"]!.AsArray()
                .Any(s => s!.GetValue<string>() == status) ?? false);
        Func<object?, FlagRead> OnPartnership(string flag) => _ => Flag("cityPartnership", "(id: $id)", "($id: ID!)", new { id = w.PartnershipId }, flag);

        var stale = new[] { "CONFLICT" };

        // Identity
        yield return Query("viewer", "the caller", "", () => null);
        yield return new Probe("setupRequired", "query", "the installation", _ => Task.FromResult<object?>(null), (a, _) => a.QueryAsync("{ setupRequired }", null));
        yield return Scalar("requestSignInLink", "an address without an account", "mutation($e: String!) { requestSignInLink(email: $e) }",
            Vars(() => new { e = $"nobody-{Guid.NewGuid():N}@example.org" }));
        yield return Scalar("signIn", "a token that is no link's (the link's token is the credential)", "mutation { signIn(token: \"not-a-link\") { isAdministrator } }",
            Vars(() => null), "UNAUTHENTICATED");
        yield return Scalar("completeSetup", "a token that is no setup link's, after setup", "mutation { completeSetup(token: \"not-a-link\", administrator: { name: \"X\", email: \"x@example.org\" }) { isAdministrator } }",
            Vars(() => null), "UNAUTHENTICATED", "INVALID_STATE");
        yield return new Probe("signOut", "mutation", "a session of the caller's own", _ => Task.FromResult<object?>(null), (a, _) => a.SignOutAsync());
        yield return Scalar("createAccessToken", "the caller's own tokens", "mutation { createAccessToken(name: \"probe\") { token } }", Vars(() => null));
        yield return new Probe("revokeAccessToken", "mutation", "a token the caller just made", _ => Task.FromResult<object?>(null), (a, _) => a.CreateAndRevokeTokenAsync());
        yield return Scalar("updateMyProfile", "the caller's own profile, at a stale version", "mutation { updateMyProfile(profile: { jobTitle: \"Probe\" }, expectedVersion: -1) { __typename } }",
            Vars(() => null), stale);
        yield return Scalar("createCalendarFeed", "the caller's own feed", "mutation { createCalendarFeed }", Vars(() => null));
        yield return Scalar("revokeCalendarFeed", "the caller's own feed", "mutation { revokeCalendarFeed }", Vars(() => null));

        // Dialogue and directory
        yield return Query("dialogues", "the dialogues the caller belongs to", "", () => null);
        yield return Query("dialogue", "the dialogue", "(key: $k)", () => new { k = w.Key }, "($k: String!)");
        yield return Change("createDialogue", "a new dialogue", "($k: String!)", "key: $k, settings: { name: \"Probe\", workingLanguages: [\"en\"], regionalGroups: [\"European\"] }",
            Vars(() => new { k = "p" + Guid.NewGuid().ToString("N")[..12] })) with { Flag = OnViewer("createDialogue") };
        yield return Change("updateDialogue", "the dialogue, at a stale version", "($k: String!)",
            "key: $k, expectedVersion: -1, settings: { name: \"Probe\", workingLanguages: [\"en\"], regionalGroups: [\"European\", \"Arab\", \"African\"] }", Vars(() => new { k = w.Key }), stale) with { Flag = OnDialogue("update") };
        yield return Change("addPartnerState", "a new partner state", "($k: String!, $c: String!)", "key: $k, partnerState: { code: $c, name: \"Probe\", regionalGroup: \"European\" }",
            a => Task.FromResult<object?>(new { k = w.Key, c = a.CountryCode })) with { Flag = OnDialogue("managePartners") };
        yield return Change("updatePartnerState", "Senegal, at a stale version", "($k: String!)", "key: $k, expectedVersion: -1, partnerState: { code: \"SN\", name: \"Senegal\", regionalGroup: \"African\" }",
            Vars(() => new { k = w.Key }), stale) with { Flag = OnDialogue("managePartners") };
        yield return Change("removePartnerState", "Senegal, at a stale version", "($k: String!)", "key: $k, code: \"SN\", expectedVersion: -1", Vars(() => new { k = w.Key }), stale) with { Flag = OnDialogue("managePartners") };
        yield return Change("addPartnerAgency", "a new agency", "($k: String!, $o: String!)", "key: $k, organisation: { key: $o, name: \"Probe Agency\" }",
            Vars(() => new { k = w.Key, o = "a" + Guid.NewGuid().ToString("N")[..10] })) with { Flag = OnDialogue("managePartners") };
        yield return Change("addObserver", "a new observer", "($k: String!, $o: String!)", "key: $k, organisation: { key: $o, name: \"Probe Observer\" }",
            Vars(() => new { k = w.Key, o = "o" + Guid.NewGuid().ToString("N")[..10] })) with { Flag = OnDialogue("managePartners") };
        yield return Change("removeOrganisation", "IOM, at a stale version", "($k: String!)", "key: $k, organisationKey: \"iom\", expectedVersion: -1", Vars(() => new { k = w.Key }), stale) with { Flag = OnDialogue("managePartners") };
        yield return Change("addMember", "a new person", "($k: String!, $e: String!)", "key: $k, person: { name: \"Probe Person\", email: $e }, membership: { roles: [DELEGATE], partnerStateCode: \"SN\" }",
            Vars(() => new { k = w.Key, e = $"member-{Guid.NewGuid():N}@example.org" })) with { Flag = OnDialogue("manageMembers") };
        yield return Change("setMembership", "Senegal's delegate, unchanged", "($k: String!, $p: ID!)", "key: $k, personId: $p, membership: { roles: [DELEGATE], partnerStateCode: \"SN\" }",
            Vars(() => new { k = w.Key, p = w.People["sn1"] })) with { Flag = OnDialogue("manageMembers") };
        yield return Change("importMembers", "a dry run of one row", "($k: String!)", "key: $k, dryRun: true, csv: \"email,name,roles,partnerStateCode\\nprobe@example.org,Probe,DELEGATE,SN\"",
            Vars(() => new { k = w.Key })) with { Flag = OnDialogue("importMembers") };
        yield return Change("removeMember", "Senegal's delegate, at a stale version", "($k: String!, $p: ID!)", "key: $k, personId: $p, expectedVersion: -1",
            Vars(() => new { k = w.Key, p = w.People["sn1"] }), stale) with { Flag = OnDialogue("manageMembers") };

        // Meetings
        yield return Query("meetings", "the dialogue's list", "(key: $k)", () => new { k = w.Key }, "($k: String!)");
        yield return Query("myMeetings", "the caller's meetings", "", () => null);
        yield return Query("meeting", "a meeting for its participants", "(id: $id)", () => new { id = w.MeetingId }, "($id: ID!)");
        yield return Query("suggestMeetingSlots", "the dialogue's scheduling assistant", "(key: $k, request: { personIds: [$p], from: \"2031-01-06\", to: \"2031-01-08\", durationMinutes: 60, timeZone: \"Europe/Malta\" })",
            () => new { k = w.Key, p = w.People["eg1"] }, "($k: String!, $p: ID!)") with { Flag = OnDialogue("suggestMeetingSlots") };
        yield return Change("createMeeting", "a new draft", "($k: String!, $d: MeetingDetailsInput!)", "key: $k, details: $d",
            Vars(() => new { k = w.Key, d = MeetingWorld.Details() })) with { Flag = OnDialogue("createMeeting") };
        yield return Change("updateMeetingDetails", "the meeting, at a stale version", "($id: ID!, $d: MeetingChangesInput!)", "id: $id, details: $d, expectedVersion: -1",
            Vars(() => new { id = w.MeetingId, d = MeetingWorld.Details(capacity: 10) }), stale) with { Flag = OnMeeting("updateDetails") };
        yield return Change("scheduleMeeting", "a fresh draft like the meeting", "($id: ID!)", "id: $id", async _ => new { id = await w.FreshMeetingAsync(MeetingStage.Draft) }) with { Flag = OnMeeting("schedule") };
        yield return Change("openMeeting", "a fresh scheduled meeting", "($id: ID!)", "id: $id", async _ => new { id = await w.FreshMeetingAsync(MeetingStage.Scheduled) }) with { Flag = OnMeeting("open") };
        yield return Change("concludeMeeting", "a fresh meeting in progress", "($id: ID!)", "id: $id", async _ => new { id = await w.FreshMeetingAsync(MeetingStage.InProgress) }) with { Flag = OnMeeting("conclude") };
        yield return Change("cancelMeeting", "a fresh scheduled meeting", "($id: ID!)", "id: $id, reason: \"Probe\"", async _ => new { id = await w.FreshMeetingAsync(MeetingStage.Scheduled) }) with { Flag = OnMeeting("cancel") };
        yield return Change("addWorkingSession", "the meeting, at a stale version", "($id: ID!)", "id: $id, expectedVersion: -1, session: { title: \"Probe\", startsLocal: \"2012-05-22T14:00\", endsLocal: \"2012-05-22T15:00\" }",
            Vars(() => new { id = w.MeetingId }), stale) with { Flag = OnMeeting("manageAgenda") };
        yield return Change("updateWorkingSession", "the meeting, at a stale version", "($id: ID!, $s: ID!)", "id: $id, sessionId: $s, expectedVersion: -1, session: { title: \"Probe\", startsLocal: \"2012-05-22T09:30\", endsLocal: \"2012-05-22T11:00\" }",
            Vars(() => new { id = w.MeetingId, s = w.SessionId }), stale) with { Flag = OnMeeting("manageAgenda") };
        yield return Change("removeWorkingSession", "the meeting, at a stale version", "($id: ID!, $s: ID!)", "id: $id, sessionId: $s, expectedVersion: -1",
            Vars(() => new { id = w.MeetingId, s = w.SessionId }), stale) with { Flag = OnMeeting("manageAgenda") };
        yield return Change("reorderWorkingSessions", "the meeting, at a stale version", "($id: ID!, $s: ID!)", "id: $id, sessionIds: [$s], expectedVersion: -1",
            Vars(() => new { id = w.MeetingId, s = w.SessionId }), stale) with { Flag = OnMeeting("manageAgenda") };
        yield return Change("setMeetingChairs", "the meeting, at a stale version", "($id: ID!, $c: [ID!]!, $r: [ID!])", "id: $id, coChairIds: $c, rapporteurIds: $r, expectedVersion: -1",
            Vars(() => new { id = w.MeetingId, c = new[] { w.People["it1"], w.People["ma1"] }, r = new[] { w.People["rap"] } }), stale) with { Flag = OnMeeting("setChairs") };
        yield return Change("setNotesSettings", "the meeting, at a stale version", "($id: ID!)", "id: $id, attributionGuard: STRICT, expectedVersion: -1",
            Vars(() => new { id = w.MeetingId }), stale) with { Flag = OnMeeting("setNotesSettings") };
        yield return Change("inviteToMeeting", "a fresh scheduled meeting", "($id: ID!)", "id: $id, targets: [{ partnerStateCode: \"SN\" }]",
            async _ => new { id = await w.FreshMeetingAsync(MeetingStage.Scheduled) }) with { Flag = OnMeeting("invite") };
        yield return Change("withdrawInvitation", "an invitation in a fresh scheduled meeting", "($id: ID!, $p: ID!)", "id: $id, personId: $p",
            async _ => new { id = await w.FreshMeetingAsync(MeetingStage.Scheduled), p = w.People["eg2"] }) with { Flag = OnMeeting("withdrawInvitation") };
        yield return Change("respondToInvitation", "the meeting (the caller's own invitation)", "($id: ID!)", "id: $id, response: ACCEPT", Vars(() => new { id = w.MeetingId })) with { Flag = OnMeeting("respond") };
        yield return Change("addDocumentLink", "the meeting", "($id: ID!)", "id: $id, document: { title: \"Probe\", kind: BACKGROUND, url: \"https://example.org/probe.pdf\" }",
            Vars(() => new { id = w.MeetingId })) with { Flag = OnMeeting("manageDocuments") };
        yield return Change("removeDocument", "a fresh document of the meeting", "($id: ID!, $d: ID!)", "id: $id, documentId: $d",
            async _ => new { id = w.MeetingId, d = await w.FreshDocumentAsync() }) with { Flag = OnMeeting("manageDocuments") };
        yield return Change("nominateDelegates", "Egypt's delegation in a fresh scheduled meeting", "($id: ID!, $p: ID!)", "id: $id, partnerStateCode: \"EG\", personIds: [$p]",
            async _ => new { id = await w.FreshMeetingAsync(MeetingStage.Scheduled), p = w.People["eg1"] }) with { Flag = OnMeeting("nominate") };
        yield return Change("withdrawNomination", "a nomination in a fresh scheduled meeting", "($id: ID!, $p: ID!)", "id: $id, partnerStateCode: \"EG\", personId: $p",
            async _ => new { id = await w.FreshMeetingAsync(MeetingStage.Scheduled), p = w.People["eg2"] }) with { Flag = OnMeeting("nominate") };
        yield return Change("declineDelegation", "Egypt's delegation in a fresh scheduled meeting", "($id: ID!)", "id: $id, partnerStateCode: \"EG\", reason: \"Probe\"",
            async _ => new { id = await w.FreshMeetingAsync(MeetingStage.Scheduled) }) with { Flag = OnMeeting("nominate") };
        yield return Change("registerForMeeting", "a fresh scheduled meeting (the caller's own invitation)", "($id: ID!)", "id: $id, registration: { visaLetterRequested: false, fundingRequested: false }",
            async _ => new { id = await w.FreshMeetingAsync(MeetingStage.Scheduled) }) with { Flag = OnMeeting("register") };
        yield return Query("participation", "the dialogue's participation of states", "(key: $k)", () => new { k = w.Key }, "($k: String!)");

        yield return Change("attachLibraryDocument", "a fresh document of the dialogue's library", "($id: ID!, $d: ID!)", "id: $id, documentId: $d",
            async _ => new { id = w.MeetingId, d = await w.FreshLibraryDocumentAsync() }) with { Flag = OnMeeting("manageDocuments") };

        // The dialogue's library
        yield return Query("library", "the dialogue's library (public documents to anyone)", "(key: $k)", () => new { k = w.Key }, "($k: String!)");
        yield return Change("addLibraryDocument", "a new document", "($k: String!)", "key: $k, document: { kind: REPORT, titles: [{ language: \"en\", text: \"Probe\" }] }",
            Vars(() => new { k = w.Key })) with { Flag = OnDialogue("manageLibrary") };
        yield return Change("updateLibraryDocument", "a fresh document, at a stale version", "($k: String!, $d: ID!)", "key: $k, documentId: $d, changes: { kind: AGENDA }, expectedVersion: -1",
            async _ => new { k = w.Key, d = await w.FreshLibraryDocumentAsync() }, stale) with { Flag = OnDialogue("manageLibrary") };
        yield return Change("removeLibraryDocument", "a fresh document, at a stale version", "($k: String!, $d: ID!)", "key: $k, documentId: $d, expectedVersion: -1",
            async _ => new { k = w.Key, d = await w.FreshLibraryDocumentAsync() }, stale) with { Flag = OnDialogue("manageLibrary") };

        // Live notes
        yield return Query("meetingNotes", "the meeting's notes", "(id: $id)", () => new { id = w.MeetingId }, "($id: ID!)") with { Flag = OnMeeting("readNotes") };
        yield return Hub(nameof(NotesHub.JoinMeeting), "the meeting in progress", (_, h, _) => Invoke(h, nameof(NotesHub.JoinMeeting), w.MeetingId, 0L))
            with { Flag = OnMeeting("followNotes") };
        yield return Hub(nameof(NotesHub.GetPresence), "the meeting, after joining it", async (_, h, _) =>
            await Invoke(h, nameof(NotesHub.JoinMeeting), w.MeetingId, 0L) ?? await Invoke(h, nameof(NotesHub.GetPresence), w.MeetingId))
            with { Flag = OnMeeting("followNotes") };
        yield return Hub(nameof(NotesHub.LeaveMeeting), "the meeting (leaving is always allowed)", (_, h, _) => Invoke(h, nameof(NotesHub.LeaveMeeting), w.MeetingId));
        yield return Hub(nameof(NotesHub.CheckEntry), "a text for the meeting", (_, h, _) =>
            Invoke(h, nameof(NotesHub.CheckEntry), w.MeetingId, "The delegate of Egypt proposed a pilot.")) with { Flag = OnMeeting("takeNotes") };
        yield return Hub(nameof(NotesHub.AppendEntry), "the meeting's first session", (_, h, _) =>
            Invoke(h, nameof(NotesHub.AppendEntry), w.MeetingId, Guid.NewGuid(), w.SessionId, "The discussion turned to return and reintegration.", false))
            with { Flag = OnMeeting("takeNotes") };
        yield return Hub(nameof(NotesHub.EditEntry), "the first entry, at a stale version", (_, h, _) => Invoke(h, nameof(NotesHub.EditEntry), w.MeetingId, 1L, 999, "Edited.", false), tolerated: stale)
            with { Flag = OnMeeting("takeNotes") };
        yield return Hub(nameof(NotesHub.ReviewEntry), "the first entry, which waits for no review", (_, h, _) => Invoke(h, nameof(NotesHub.ReviewEntry), w.MeetingId, 1L, 999), tolerated: ["INVALID_STATE"])
            with { Flag = OnMeeting("takeNotes") };
        yield return Hub(nameof(NotesHub.DeleteEntry), "the first entry, at a stale version", (_, h, _) => Invoke(h, nameof(NotesHub.DeleteEntry), w.MeetingId, 1L, 999), tolerated: stale)
            with { Flag = OnMeeting("takeNotes") };
        yield return Hub(nameof(NotesHub.StartEditing), "the first entry", (_, h, _) => Invoke(h, nameof(NotesHub.StartEditing), w.MeetingId, 1L)) with { Flag = OnMeeting("takeNotes") };
        yield return Hub(nameof(NotesHub.StopEditing), "the first entry", (_, h, _) => Invoke(h, nameof(NotesHub.StopEditing), w.MeetingId, 1L)) with { Flag = OnMeeting("takeNotes") };
        yield return Hub(nameof(NotesHub.CloseSession), "a fresh meeting in progress, its session", (_, h, v) => Invoke(h, nameof(NotesHub.CloseSession), Var(v, "id"), Var(v, "s")),
            async () => { var (meeting, session) = await w.FreshMeetingWithSessionAsync(MeetingStage.InProgress); return new { id = meeting, s = session }; })
            with { Flag = OnMeeting("takeNotes") };
        yield return Hub(nameof(NotesHub.ReopenSession), "the meeting's first session (open: nothing to do)", (_, h, _) =>
            Invoke(h, nameof(NotesHub.ReopenSession), w.MeetingId, w.SessionId)) with { Flag = OnMeeting("takeNotes") };
        yield return Hub(nameof(NotesHub.ApproveNotes), "a fresh meeting in progress, its session still open", (_, h, v) => Invoke(h, nameof(NotesHub.ApproveNotes), Var(v, "id")),
            async () => new { id = await w.FreshMeetingAsync(MeetingStage.InProgress) }, "INVALID_STATE") with { Flag = OnMeeting("approveNotes") };
        yield return Hub(nameof(NotesHub.ReopenNotes), "the meeting's notes, not final", (_, h, _) =>
            Invoke(h, nameof(NotesHub.ReopenNotes), w.MeetingId, "Probe"), tolerated: ["INVALID_STATE"]) with { Flag = OnMeeting("reopenNotes") };
        yield return Query("notesTranslation", "the meeting's notes, in French", "(meetingId: $id, language: \"fr\")", () => new { id = w.MeetingId }, "($id: ID!)")
            with { Flag = OnMeeting("translateNotes") };
        yield return Change("translateNote", "the first entry, at a stale version", "($id: ID!)", "meetingId: $id, language: \"fr\", seq: 1, sourceVersion: 999, text: \"Une traduction.\"",
            Vars(() => new { id = w.MeetingId }), stale) with { Flag = OnMeeting("translateNotes") };

        // Working groups
        yield return Query("workingGroups", "the dialogue's groups", "(key: $k)", () => new { k = w.Key }, "($k: String!)");
        yield return Query("workingGroup", "a group of Egypt's, chaired by another Egyptian", "(id: $id)", () => new { id = w.WorkingGroupId }, "($id: ID!)");
        yield return Change("createWorkingGroup", "a new group", "($k: String!, $g: String!)", "key: $k, groupKey: $g, group: { name: \"Probe\", mandate: \"Probe.\" }",
            Vars(() => new { k = w.Key, g = "g" + Guid.NewGuid().ToString("N")[..10] })) with { Flag = OnDialogue("createWorkingGroup") };
        yield return Change("updateWorkingGroup", "the group, at a stale version", "($id: ID!)", "id: $id, expectedVersion: -1, group: { name: \"Probe\", mandate: \"Probe.\", partnerStateCodes: [\"EG\"] }",
            Vars(() => new { id = w.WorkingGroupId }), stale) with { Flag = OnGroup("update") };
        yield return Change("setWorkingGroupSeries", "the group, at a stale version", "($id: ID!)",
            "id: $id, expectedVersion: -1, series: { recurrenceRule: \"FREQ=MONTHLY;BYDAY=2TU\", timeZone: \"Africa/Cairo\", firstStartsLocal: \"2031-01-14T10:00\", durationMinutes: 90, hostCountry: \"EG\", city: \"Cairo\" }",
            Vars(() => new { id = w.WorkingGroupId }), stale) with { Flag = OnGroup("setSeries") };
        yield return Change("scheduleWorkingGroupMeetings", "the group's next occurrence", "($id: ID!)", "id: $id, count: 1", Vars(() => new { id = w.WorkingGroupId })) with { Flag = OnGroup("scheduleMeetings") };
        yield return Change("addWorkingGroupDocument", "the group", "($id: ID!)", "id: $id, title: \"Probe\", url: \"https://example.org/wg.pdf\"", Vars(() => new { id = w.WorkingGroupId })) with { Flag = OnGroup("addDocument") };
        yield return Change("addActionItem", "the group, owned by Egypt's delegate", "($id: ID!, $o: ID!)", "id: $id, item: { title: \"Probe\", ownerId: $o, dueDate: \"2031-02-01\" }",
            Vars(() => new { id = w.WorkingGroupId, o = w.People["eg1"] })) with { Flag = OnGroup("addActionItem") };
        yield return Change("updateActionItem", "the delegate's item, at a stale version", "($id: ID!, $i: ID!, $o: ID!)", "id: $id, itemId: $i, item: { title: \"Probe\", ownerId: $o, dueDate: \"2031-02-01\" }, expectedVersion: -1",
            Vars(() => new { id = w.WorkingGroupId, i = w.ActionItemId, o = w.People["eg1"] }), stale) with { Flag = OnGroup("addActionItem") };
        yield return Change("setActionItemStatus", "the delegate's item, at a stale version", "($id: ID!, $i: ID!)", "id: $id, itemId: $i, status: DONE, expectedVersion: -1",
            Vars(() => new { id = w.WorkingGroupId, i = w.ActionItemId }), stale) with { Flag = ActionItemMoves("DONE") };

        // Registry of priorities and expert exchanges
        yield return Query("priorityRegistry", "Egypt's registry", "(key: $k, partnerStateCode: \"EG\")", () => new { k = w.Key }, "($k: String!)");
        yield return Change("addPriority", "Egypt's registry, at a stale version", "($k: String!)",
            "key: $k, partnerStateCode: \"EG\", expectedVersion: -1, priority: { kind: OFFER, topic: \"Labour migration\", description: \"Probe\" }", Vars(() => new { k = w.Key }), stale) with { Flag = OnRegistry("addPriority") };
        yield return Change("removePriority", "Egypt's registry, at a stale version", "($k: String!, $p: ID!)", "key: $k, partnerStateCode: \"EG\", priorityId: $p, expectedVersion: -1",
            Vars(() => new { k = w.Key, p = w.PriorityId }), stale) with { Flag = OnRegistry("removePriority") };
        yield return Query("expertExchanges", "the exchanges the caller is party to", "(key: $k)", () => new { k = w.Key }, "($k: String!)");
        yield return Query("expertExchange", "Egypt's submitted request", "(id: $id)", () => new { id = w.ExchangeId }, "($id: ID!)");
        yield return Query("suggestExchangeHosts", "Egypt's submitted request", "(id: $id)", () => new { id = w.ExchangeId }, "($id: ID!)") with { Flag = OnExchange("suggestHosts") };
        yield return Change("requestExpertExchange", "a request in Egypt's name by its delegate", "($k: String!, $e: ID!)",
            "key: $k, request: { requestingStateCode: \"EG\", requestingExpertId: $e, kind: STUDY_VISIT, topic: \"Labour migration\", objectives: \"Probe.\", preferredFrom: \"2031-03-01\", preferredTo: \"2031-04-30\", durationDays: 3, language: \"ar\" }",
            Vars(() => new { k = w.Key, e = w.People["eg1"] })) with { Flag = OnRegistry("requestExchange") };
        foreach (var (step, arguments, on) in (ValueTuple<string, string, string>[])[
            ("submitExpertExchange", "", "a fresh draft of Egypt's"),
            ("endorseExpertExchange", "", "a fresh submitted request of Egypt's"),
            ("reviewExpertExchange", ", consultedOrganisations: [\"unhcr\"], deadline: \"2031-01-31T00:00:00Z\"", "a fresh endorsed request of Egypt's"),
            ("giveExchangeOpinion", ", text: \"Probe opinion.\"", "a fresh request under review, UNHCR consulted"),
            ("approveExpertExchange", ", hostStateCode: \"MA\"", "a fresh request under review"),
            ("rejectExpertExchange", ", reason: \"Probe.\"", "a fresh request under review"),
            ("confirmExchangeHost", ", hostExpertIds: []", "a fresh request approved with Morocco as host"),
            ("declineExchangeHost", ", reason: \"Probe.\"", "a fresh request approved with Morocco as host"),
            ("withdrawExpertExchange", ", reason: \"Probe.\"", "a fresh submitted request of Egypt's"),
            ("cancelExpertExchange", ", reason: \"Probe.\"", "a fresh submitted request of Egypt's"),
            ("scheduleExpertExchange", ", startsLocal: \"2031-03-10T09:00\", timeZone: \"Africa/Casablanca\", city: \"Rabat\"", "a fresh request whose host confirmed"),
            ("completeExpertExchange", "", "a fresh scheduled exchange"),
            ("evaluateExpertExchange", ", rating: 5, text: \"Useful.\"", "a fresh completed exchange")])
        {
            Dictionary<string, string> flags = new()
            {
                ["submitExpertExchange"] = "submit", ["endorseExpertExchange"] = "endorse", ["reviewExpertExchange"] = "review", ["giveExchangeOpinion"] = "giveOpinion",
                ["approveExpertExchange"] = "approve", ["rejectExpertExchange"] = "reject", ["confirmExchangeHost"] = "confirmHost", ["scheduleExpertExchange"] = "schedule",
                ["completeExpertExchange"] = "complete", ["evaluateExpertExchange"] = "evaluate", ["declineExchangeHost"] = "declineHost",
                ["withdrawExpertExchange"] = "withdraw", ["cancelExpertExchange"] = "cancel",
            };
            yield return Change(step, on, "($id: ID!)", "id: $id" + arguments, async _ => new { id = await w.FreshExchangeAsync(step) }) with { Flag = OnExchange(flags[step]) };
        }

        // City-to-City
        yield return Query("cities", "the dialogue's cities", "(key: $k)", () => new { k = w.Key }, "($k: String!)");
        yield return Query("city", "Tangier", "(id: $id)", () => new { id = w.CityId }, "($id: ID!)");
        yield return Query("cityProfileVersion", "Tangier's first profile, for dialogue members", "(id: $id, number: 1)", () => new { id = w.CityId }, "($id: ID!)");
        yield return Query("cityPartnerships", "the dialogue's partnerships", "(key: $k)", () => new { k = w.Key }, "($k: String!)");
        yield return Query("cityPartnership", "Tangier and Turin", "(id: $id)", () => new { id = w.PartnershipId }, "($id: ID!)");
        yield return Change("createCity", "a new city", "($k: String!, $c: String!)", "key: $k, cityKey: $c, name: \"Probe\", countryCode: \"EG\"",
            Vars(() => new { k = w.Key, c = "c" + Guid.NewGuid().ToString("N")[..10] })) with { Flag = OnDialogue("createCity") };
        yield return Change("saveCityProfile", "Tangier, at a stale version", "($id: ID!)", "id: $id, profile: { overview: \"Probe.\" }, expectedVersion: -1", Vars(() => new { id = w.CityId }), stale) with { Flag = OnCity("saveProfile") };
        yield return Change("createCityPartnership", "Tangier and Turin again", "($k: String!, $c: [ID!]!)", "key: $k, cityIds: $c, theme: \"Probe\", roadmapStart: \"2031-01-01\", roadmapEnd: \"2031-12-31\"",
            Vars(() => new { k = w.Key, c = new[] { w.CityId, w.OtherCityId } })) with { Flag = OnDialogue("createPartnership") };
        yield return Change("addMilestone", "the partnership, at a stale version", "($id: ID!)", "id: $id, title: \"Probe\", dueDate: \"2031-06-01\", expectedVersion: -1",
            Vars(() => new { id = w.PartnershipId }), stale) with { Flag = OnPartnership("addMilestone") };
        yield return Change("setMilestoneStatus", "the partnership, at a stale version", "($id: ID!, $m: ID!)", "id: $id, milestoneId: $m, status: DONE, expectedVersion: -1",
            Vars(() => new { id = w.PartnershipId, m = w.MilestoneId }), stale) with { Flag = OnPartnership("setMilestoneStatus") };
        yield return Change("linkPartnershipMeeting", "the partnership, at a stale version", "($id: ID!, $m: ID!)", "id: $id, meetingId: $m, expectedVersion: -1",
            Vars(() => new { id = w.PartnershipId, m = w.MeetingId }), stale) with { Flag = OnPartnership("linkMeeting") };

        // Outcomes and their follow-up
        Func<object?, FlagRead> OnOutcomes(string flag) => v => new FlagRead($"query($id: ID!) {{ meeting(id: $id) {{ outcomes {{ viewerMay {{ {flag} }} }} }} }}", new { id = Var(v, "m") },
            data => data?["meeting"]?["outcomes"]?["viewerMay"]?[flag]?.GetValue<bool>() ?? false);
        // Spawning is announced by the group's or the registry's flag, read only by those who see the meeting.
        Func<object?, FlagRead> WithMeeting(string document, string signature, Func<object?, object> variables, Func<JsonNode?, bool> read) =>
            v => new FlagRead($"query($m: ID!{signature}) {{ meeting(id: $m) {{ id }} {document} }}", variables(v), read);
        const string Conclusion = "{ kind: CONCLUSION, language: \"en\", text: \"The session took stock of labour mobility.\" }";
        yield return Query("recommendationFollowUp", "the dialogue's published recommendations", "(dialogueKey: $k)", () => new { k = w.Key }, "($k: String!)");
        yield return Change("proposeOutcome", "the meeting in progress", "($m: ID!)", $"meetingId: $m, outcome: {Conclusion}", Vars(() => new { m = w.MeetingId })) with { Flag = OnOutcomes("draft") };
        yield return Change("editOutcome", "a proposed conclusion, at a stale version", "($m: ID!, $o: ID!)", $"meetingId: $m, outcomeId: $o, expectedVersion: -1, outcome: {Conclusion}",
            Vars(() => new { m = w.MeetingId, o = w.OutcomeId }), stale) with { Flag = OnOutcomes("draft") };
        yield return Change("withdrawOutcome", "a proposed conclusion, at a stale version", "($m: ID!, $o: ID!)", "meetingId: $m, outcomeId: $o, expectedVersion: -1",
            Vars(() => new { m = w.MeetingId, o = w.OutcomeId }), stale) with { Flag = OnOutcomes("draft") };
        yield return Change("adoptOutcome", "a proposed conclusion, at a stale version", "($m: ID!, $o: ID!)", "meetingId: $m, outcomeId: $o, expectedVersion: -1",
            Vars(() => new { m = w.MeetingId, o = w.OutcomeId }), stale) with { Flag = OnOutcomes("adopt") };
        yield return Change("publishOutcomes", "the meeting's outcomes, one still only proposed", "($m: ID!)", "meetingId: $m", Vars(() => new { m = w.MeetingId }), "INVALID_STATE") with { Flag = OnOutcomes("publish") };
        yield return Change("translateOutcome", "a proposed conclusion, at a stale version", "($m: ID!, $o: ID!)", "meetingId: $m, outcomeId: $o, language: \"fr\", text: \"Les données restent dispersées.\", sourceVersion: -1",
            Vars(() => new { m = w.MeetingId, o = w.OutcomeId }), stale) with { Flag = OnOutcomes("translate") };
        yield return Change("reportProgress", "a published recommendation to Egypt, for Egypt", "($m: ID!, $o: ID!)",
            "meetingId: $m, outcomeId: $o, reportedFor: { kind: PARTNER_STATE, key: \"EG\" }, status: IN_PROGRESS, text: \"A pilot course runs.\"",
            Vars(() => new { m = w.PublishedMeetingId, o = w.RecommendationId })) with { Flag = OnOutcomes("reportProgress") };
        yield return Change("recommendationToActionItem", "a published recommendation to the group, owned by Egypt's delegate", "($m: ID!, $o: ID!, $g: ID!, $p: ID!)",
            "meetingId: $m, outcomeId: $o, workingGroupId: $g, item: { title: \"Map orientation courses\", ownerId: $p, dueDate: \"2031-02-01\" }",
            Vars(() => new { m = w.GroupMeetingId, o = w.GroupRecommendationId, g = w.WorkingGroupId, p = w.People["eg1"] }))
            with { Flag = WithMeeting("workingGroup(id: $g) { viewerMay { addActionItem } }", ", $g: ID!", v => new { m = Var(v, "m"), g = Var(v, "g") }, d => d?["workingGroup"]?["viewerMay"]?["addActionItem"]?.GetValue<bool>() ?? false) };
        yield return Change("recommendationToExchangeRequest", "a published recommendation to Egypt, a request in its name by its delegate", "($m: ID!, $o: ID!, $e: ID!)",
            "meetingId: $m, outcomeId: $o, request: { requestingStateCode: \"EG\", requestingExpertId: $e, kind: STUDY_VISIT, topic: \"Labour migration\", objectives: \"Probe.\", preferredFrom: \"2031-03-01\", preferredTo: \"2031-04-30\", durationDays: 3, language: \"ar\" }",
            Vars(() => new { m = w.PublishedMeetingId, o = w.RecommendationId, e = w.People["eg1"] }))
            with { Flag = WithMeeting("priorityRegistry(key: $k, partnerStateCode: \"EG\") { viewerMay { requestExchange } }", ", $k: String!", v => new { m = Var(v, "m"), k = w.Key }, d => d?["priorityRegistry"]?["viewerMay"]?["requestExchange"]?.GetValue<bool>() ?? false) };

        // Personal data
        yield return Query("personalData", "the delegate's data", "(personId: $p)", () => new { p = w.People["eg1"] }, "($p: ID)");
        yield return Scalar("erasePerson", "a fresh member of the dialogue, confirmed by address", "mutation($p: ID!, $e: String!) { erasePerson(personId: $p, email: $e) }",
            async _ => { var (id, email) = await w.FreshMemberAsync(); return new { p = id, e = email }; }) with { Flag = OnViewer("erasePerson") };

        // Operations
        yield return Query("outbox", "the installation's outbox", "", () => null) with { Flag = OnViewer("seeOutbox") };
        yield return Change("retryOutboxMessage", "an id no message has", "($id: ID!)", "id: $id", Vars(() => new { id = w.OutboxMessageId })) with { Flag = OnViewer("retryOutboxMessage") };
    }

    private static async Task<string?> Invoke(HubConnection hub, string method, params object?[] arguments)
    {
        try
        {
            var result = await hub.InvokeCoreAsync<System.Text.Json.JsonElement>(method, arguments, TestContext.Current.CancellationToken);
            // Note results carry a refusal as their code (CONFLICT with the current entry).
            return result.ValueKind == System.Text.Json.JsonValueKind.Object && result.TryGetProperty("code", out var code) && code.ValueKind == System.Text.Json.JsonValueKind.String
                ? code.GetString()
                : null;
        }
        catch (HubException e)
        {
            return HubCode().Match(e.Message) is { Success: true } m ? m.Groups[1].Value : "UNREADABLE " + e.Message;
        }
    }

    [GeneratedRegex(@"HubException: ([A-Z_]+)(?:/[A-Z_]+)?:")]
    private static partial Regex HubCode();
}
