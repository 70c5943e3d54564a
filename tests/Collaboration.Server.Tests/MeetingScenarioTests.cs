namespace Collaboration.Server.Tests;

/// <summary>
/// The story, through GraphQL alone: the secretariat creates the MTM 10-Year Anniversary Event in
/// Valletta with four working sessions and balanced co-chairs, invites states and an agency, delegates
/// accept until the waitlist fills, a decline promotes the first waiting, the meeting moves, and every
/// forbidden or invalid step is refused without changing anything.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class MeetingScenarioTests(CollaborationFactory factory)
{
    private static readonly (string Title, string Starts, string Ends)[] Agenda =
    [
        ("The MTM Dialogue: current migration perspectives and trends", "2012-05-22T09:30", "2012-05-22T11:00"),
        ("Partner States' perspectives on intergovernmental dialogues", "2012-05-22T11:15", "2012-05-22T12:45"),
        ("The views of Partner Agencies", "2012-05-22T14:00", "2012-05-22T15:30"),
        ("The future direction of the MTM", "2012-05-22T15:45", "2012-05-22T17:15"),
    ];

    [Fact]
    public async Task The_secretariat_runs_the_anniversary_event_from_draft_to_a_moved_schedule()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var admin = world.Administrator;
        var staff = await world.AsAsync("staff");

        // Created by a secretariat member as a draft, in Malta's time zone.
        var created = await MeetingWorld.ChangeAsync(staff, "createMeeting(key: $k, details: $d)", "($k: String!, $d: MeetingDetailsInput!)", new { k = world.Key, d = MeetingWorld.Details() });
        var meeting = created.EnsureNoErrors().Data("result", "meeting");
        var id = meeting["id"]!.GetValue<string>();
        Assert.Equal("Draft", meeting["status"]!.GetValue<string>(), ignoreCase: true);
        Assert.Equal("2012-05-22T07:00:00+00:00", meeting["startsAt"]!.GetValue<string>());
        Assert.Equal("2012-05-22T09:00", meeting["startsLocal"]!.GetValue<string>());

        // Four working sessions.
        var version = meeting["version"]!.GetValue<int>();
        foreach (var (title, starts, ends) in Agenda)
        {
            var added = await MeetingWorld.ChangeAsync(staff, "addWorkingSession(id: $id, session: $s, expectedVersion: $v)", "($id: ID!, $s: WorkingSessionInput!, $v: Int!)",
                new { id, v = version, s = new { title, startsLocal = starts, endsLocal = ends, moderatorIds = new[] { world.People["staff"] } } });
            version = added.EnsureNoErrors().Data("result", "meeting", "version").GetValue<int>();
        }

        // Two co-chairs from different regional groups, the staff member as rapporteur: no balance warning.
        var chairs = await MeetingWorld.ChangeAsync(staff, "setMeetingChairs(id: $id, coChairIds: $c, rapporteurIds: $r, expectedVersion: $v)",
            "($id: ID!, $c: [ID!]!, $r: [ID!], $v: Int!)", new { id, v = version, c = new[] { world.People["it1"], world.People["ma1"] }, r = new[] { world.People["staff"] } });
        chairs.EnsureNoErrors();
        Assert.DoesNotContain(chairs.Data("result", "warnings").AsArray(), w => w!["code"]!.GetValue<string>() == "CO_CHAIR_BALANCE");
        Assert.Equal(["European", "Arab"], chairs.Data("result", "meeting", "coChairs").AsArray().Select(c => c!["regionalGroup"]!.GetValue<string>()));

        (await MeetingWorld.ChangeAsync(staff, "scheduleMeeting(id: $id)", "($id: ID!)", new { id })).EnsureNoErrors();

        // Invite partner states (the secretariat nominates their delegates and focal points on their behalf) and an agency.
        await StateInvitations.InviteStatesAsync(staff, id, "IT", "MA", "EG", "SN");
        var invited = await MeetingWorld.ChangeAsync(staff, "inviteToMeeting(id: $id, targets: $t)", "($id: ID!, $t: [InvitationTargetInput!]!)", new
        {
            id,
            t = new object[] { new { organisationKey = "unhcr" } },
        });
        var invitations = invited.EnsureNoErrors().Data("result", "meeting", "invitations").AsArray();
        Assert.Equal(8, invitations.Count);
        Assert.All(invitations, i => Assert.Equal("INVITED", i!["status"]!.GetValue<string>()));
        Assert.Contains(invitations, i => i!["invitee"]!["affiliation"]!.GetValue<string>() == "UNHCR");

        // Delegates accept until the waitlist fills (capacity 3).
        foreach (var alias in (string[])["it2", "ma2", "eg1", "eg2", "sn1"])
        {
            var answered = await MeetingWorld.ChangeAsync(await world.AsAsync(alias), "respondToInvitation(id: $id, response: ACCEPT)", "($id: ID!)", new { id });
            answered.EnsureNoErrors();
        }
        var full = await world.ReadAsync(id);
        Assert.Equal(3, full["acceptedCount"]!.GetValue<int>());
        Assert.Equal(2, full["waitlistCount"]!.GetValue<int>());
        Assert.Equal("""{"status":"WAITLISTED","waitlistPosition":1}""", (await world.ReadAsync(id, await world.AsAsync("eg2")))["myInvitation"]!.ToJsonString());
        Assert.Equal("""{"status":"WAITLISTED","waitlistPosition":2}""", (await world.ReadAsync(id, await world.AsAsync("sn1")))["myInvitation"]!.ToJsonString());

        // One declines: the first on the waitlist is promoted.
        (await MeetingWorld.ChangeAsync(await world.AsAsync("ma2"), "respondToInvitation(id: $id, response: DECLINE)", "($id: ID!)", new { id })).EnsureNoErrors();
        Assert.Equal("""{"status":"ACCEPTED","waitlistPosition":null}""", (await world.ReadAsync(id, await world.AsAsync("eg2")))["myInvitation"]!.ToJsonString());
        Assert.Equal("""{"status":"WAITLISTED","waitlistPosition":1}""", (await world.ReadAsync(id, await world.AsAsync("sn1")))["myInvitation"]!.ToJsonString());

        // Participants see each other's names and countries: names are communicated, not what they say.
        var seenByDelegate = await world.ReadAsync(id, await world.AsAsync("it2"));
        Assert.Contains(seenByDelegate["participants"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "Egyptian Delegate" && p["affiliation"]!.GetValue<string>() == "Egypt");
        Assert.Empty(seenByDelegate["invitations"]!.AsArray());
        Assert.Empty(seenByDelegate["auditTrail"]!.AsArray());

        // Moved by a day: the revision grows and the agenda moves along.
        var before = await world.ReadAsync(id);
        var moved = await MeetingWorld.ChangeAsync(staff, "updateMeetingDetails(id: $id, details: $d, expectedVersion: $v)", "($id: ID!, $d: MeetingChangesInput!, $v: Int!)",
            new { id, v = before["version"]!.GetValue<int>(), d = MeetingWorld.Details("2012-05-23T09:00", "2012-05-23T18:00") });
        var after = moved.EnsureNoErrors().Data("result", "meeting");
        Assert.True(after["revision"]!.GetValue<int>() > before["revision"]!.GetValue<int>());
        Assert.Equal("2012-05-23T07:30:00+00:00", after["sessions"]![0]!["startsAt"]!.GetValue<string>());
        Assert.Equal(Agenda.Select(a => a.Title), after["sessions"]!.AsArray().Select(s => s!["title"]!.GetValue<string>()));

        // A delegate sees it among their meetings.
        var mine = await (await world.AsAsync("eg1")).GraphQLAsync("{ myMeetings { nodes { id revision } totalCount } }");
        Assert.Contains(mine.EnsureNoErrors().Data("myMeetings", "nodes").AsArray(), m => m!["id"]!.GetValue<string>() == id && m["revision"]!.GetValue<int>() == after["revision"]!.GetValue<int>());

        // The secretariat sees who did what.
        var audit = after["auditTrail"]!.AsArray().Select(a => a!["action"]!.GetValue<string>()).ToList();
        Assert.Equal(["created", "session-added", "session-added", "session-added", "session-added", "chairs-set", "scheduled", "invited"], audit.Take(8));
        Assert.Contains("rescheduled", audit);
        Assert.Equal(world.People["staff"], after["auditTrail"]![0]!["personId"]!.GetValue<string>());
    }

    [Fact]
    public async Task Every_forbidden_or_invalid_step_is_refused_and_changes_nothing()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var admin = world.Administrator;
        var id = (await world.CreateMeetingAsync(MeetingWorld.Details(capacity: 2)))["id"]!.GetValue<string>();
        var v = (await world.ReadAsync(id))["version"]!.GetValue<int>();
        (await MeetingWorld.ChangeAsync(admin, "addWorkingSession(id: $id, session: $s, expectedVersion: $v)", "($id: ID!, $s: WorkingSessionInput!, $v: Int!)",
            new { id, v, s = new { title = "Opening", startsLocal = "2012-05-22T09:00", endsLocal = "2012-05-22T10:00" } })).EnsureNoErrors();
        (await MeetingWorld.ChangeAsync(admin, "scheduleMeeting(id: $id)", "($id: ID!)", new { id })).EnsureNoErrors();
        await StateInvitations.InviteStatesAsync(admin, id, "IT", "EG");
        foreach (var alias in (string[])["it2", "eg1"])
            (await MeetingWorld.ChangeAsync(await world.AsAsync(alias), "respondToInvitation(id: $id, response: ACCEPT)", "($id: ID!)", new { id })).EnsureNoErrors();
        var delegateClient = await world.AsAsync("it2");

        async Task Refused(string code, HttpClient client, string mutation, string arguments, object variables)
        {
            var before = await world.ReadAsync(id);
            var response = await MeetingWorld.ChangeAsync(client, mutation, arguments, variables);
            Assert.True(code == response.Code, $"{mutation}: expected {code}, got {response.Raw}");
            Assert.False(string.IsNullOrWhiteSpace(response.Errors[0]!["message"]!.GetValue<string>()));
            Assert.Equal(before.ToJsonString(), (await world.ReadAsync(id)).ToJsonString());
        }

        var version = (await world.ReadAsync(id))["version"]!.GetValue<int>();
        const string AddSession = "addWorkingSession(id: $id, session: $s, expectedVersion: $v)";
        const string AddSessionArgs = "($id: ID!, $s: WorkingSessionInput!, $v: Int!)";
        const string Update = "updateMeetingDetails(id: $id, details: $d, expectedVersion: $v)";
        const string UpdateArgs = "($id: ID!, $d: MeetingChangesInput!, $v: Int!)";

        // Dates outside the meeting, an overlapping session, an unknown time zone, capacity below the accepted count.
        await Refused("VALIDATION", admin, AddSession, AddSessionArgs, new { id, v = version, s = new { title = "Late", startsLocal = "2012-05-22T17:30", endsLocal = "2012-05-22T19:00" } });
        await Refused("CONFLICT", admin, AddSession, AddSessionArgs, new { id, v = version, s = new { title = "Clash", startsLocal = "2012-05-22T09:30", endsLocal = "2012-05-22T10:30" } });
        await Refused("VALIDATION", admin, AddSession, AddSessionArgs, new { id, v = version, s = new { title = "Backwards", startsLocal = "2012-05-22T12:00", endsLocal = "2012-05-22T11:00" } });
        await Refused("VALIDATION", admin, Update, UpdateArgs, new { id, v = version, d = MeetingWorld.Details(timeZone: "Mars/Olympus_Mons") });
        await Refused("VALIDATION", admin, Update, UpdateArgs, new { id, v = version, d = MeetingWorld.Details(capacity: 1) });
        await Refused("VALIDATION", admin, Update, UpdateArgs, new { id, v = version, d = MeetingWorld.Details(host: "SE") });
        await Refused("VALIDATION", admin, Update, UpdateArgs, new { id, v = version, d = MeetingWorld.Details(starts: "22/05/2012 09:00") });
        await Refused("VALIDATION", admin, Update, UpdateArgs, new { id, v = version, d = MeetingWorld.Details(ends: "2012-05-22T08:00") });
        await Refused("CONFLICT", admin, Update, UpdateArgs, new { id, v = version - 1, d = MeetingWorld.Details(capacity: 10) });

        // An invitee outside the dialogue; a target naming two things at once; an unknown state.
        const string Invite = "inviteToMeeting(id: $id, targets: $t)";
        const string InviteArgs = "($id: ID!, $t: [InvitationTargetInput!]!)";
        await Refused("VALIDATION", admin, Invite, InviteArgs, new { id, t = new object[] { new { personId = "not-a-member" } } });
        await Refused("VALIDATION", admin, Invite, InviteArgs, new { id, t = new object[] { new { partnerStateCode = "IT", organisationKey = "iom" } } });
        await Refused("VALIDATION", admin, Invite, InviteArgs, new { id, t = new object[] { new { partnerStateCode = "SE" } } });

        // A delegate may not run the meeting; an uninvited member does not see it; nobody answers for someone else.
        await Refused("FORBIDDEN", delegateClient, Update, UpdateArgs, new { id, v = version, d = MeetingWorld.Details(capacity: 10) });
        await Refused("FORBIDDEN", delegateClient, "cancelMeeting(id: $id, reason: $r)", "($id: ID!, $r: String!)", new { id, r = "No." });
        var outsider = await world.AsAsync("outsider");
        Assert.Equal("NOT_FOUND", (await outsider.GraphQLAsync("query($id: ID!) { meeting(id: $id) { id } }", new { id })).Code);
        await Refused("NOT_FOUND", outsider, "respondToInvitation(id: $id, response: ACCEPT)", "($id: ID!)", new { id });
        await Refused("FORBIDDEN", await world.AsAsync("eg1"), "scheduleMeeting(id: $id)", "($id: ID!)", new { id });
        Assert.Equal("UNAUTHENTICATED", (await factory.Anonymous().GraphQLAsync("mutation($id: ID!) { scheduleMeeting(id: $id) { meeting { id } } }", new { id })).Code);
        Assert.Equal("NOT_FOUND", (await factory.Anonymous().GraphQLAsync("query($id: ID!) { meeting(id: $id) { id } }", new { id })).Code);

        // Illegal transitions.
        await Refused("INVALID_STATE", admin, "scheduleMeeting(id: $id)", "($id: ID!)", new { id });
        await Refused("INVALID_STATE", admin, "concludeMeeting(id: $id)", "($id: ID!)", new { id });
        await Refused("VALIDATION", admin, "cancelMeeting(id: $id, reason: $r)", "($id: ID!, $r: String!)", new { id, r = "  " });

        // Once cancelled, nobody accepts and nothing moves.
        (await MeetingWorld.ChangeAsync(admin, "cancelMeeting(id: $id, reason: $r)", "($id: ID!, $r: String!)", new { id, r = "The venue is unavailable." })).EnsureNoErrors();
        version = (await world.ReadAsync(id))["version"]!.GetValue<int>();
        await Refused("INVALID_STATE", await world.AsAsync("it2"), "respondToInvitation(id: $id, response: ACCEPT)", "($id: ID!)", new { id });
        await Refused("INVALID_STATE", await world.AsAsync("eg1"), "respondToInvitation(id: $id, response: DECLINE)", "($id: ID!)", new { id });
        await Refused("INVALID_STATE", admin, Update, UpdateArgs, new { id, v = version, d = MeetingWorld.Details() });
        await Refused("INVALID_STATE", admin, "openMeeting(id: $id)", "($id: ID!)", new { id });
        var cancelled = await world.ReadAsync(id, await world.AsAsync("eg1"));
        Assert.Equal("CANCELLED", cancelled["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task Co_chairs_from_one_regional_group_are_warned_about_or_refused_when_strict()
    {
        var lenient = await MeetingWorld.CreateAsync(factory);
        var id = (await lenient.CreateMeetingAsync())["id"]!.GetValue<string>();
        var v = (await lenient.ReadAsync(id))["version"]!.GetValue<int>();
        var warned = await MeetingWorld.ChangeAsync(lenient.Administrator, "setMeetingChairs(id: $id, coChairIds: $c, expectedVersion: $v)", "($id: ID!, $c: [ID!]!, $v: Int!)",
            new { id, v, c = new[] { lenient.People["ma1"], lenient.People["eg1"] } });
        Assert.Contains(warned.EnsureNoErrors().Data("result", "warnings").AsArray(), w => w!["code"]!.GetValue<string>() == "CO_CHAIR_BALANCE");

        var strict = await MeetingWorld.CreateAsync(factory, strictBalance: true);
        var strictId = (await strict.CreateMeetingAsync())["id"]!.GetValue<string>();
        var strictVersion = (await strict.ReadAsync(strictId))["version"]!.GetValue<int>();
        var refused = await MeetingWorld.ChangeAsync(strict.Administrator, "setMeetingChairs(id: $id, coChairIds: $c, expectedVersion: $v)", "($id: ID!, $c: [ID!]!, $v: Int!)",
            new { id = strictId, v = strictVersion, c = new[] { strict.People["ma1"], strict.People["eg1"] } });
        Assert.Equal("VALIDATION", refused.Code);
        Assert.Empty((await strict.ReadAsync(strictId))["coChairs"]!.AsArray());

        var three = await MeetingWorld.ChangeAsync(strict.Administrator, "setMeetingChairs(id: $id, coChairIds: $c, expectedVersion: $v)", "($id: ID!, $c: [ID!]!, $v: Int!)",
            new { id = strictId, v = strictVersion, c = new[] { strict.People["ma1"], strict.People["it1"], strict.People["sn1"] } });
        Assert.Equal("VALIDATION", three.Code);
        var notStaff = await MeetingWorld.ChangeAsync(strict.Administrator, "setMeetingChairs(id: $id, coChairIds: $c, rapporteurIds: $r, expectedVersion: $v)", "($id: ID!, $c: [ID!]!, $r: [ID!], $v: Int!)",
            new { id = strictId, v = strictVersion, c = new[] { strict.People["ma1"] }, r = new[] { strict.People["it2"] } });
        Assert.Equal("VALIDATION", notStaff.Code);
    }
}
