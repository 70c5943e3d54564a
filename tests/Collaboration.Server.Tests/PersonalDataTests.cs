using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;

namespace Collaboration.Server.Tests;

/// <summary>A person's data on request: the export of everything held about them, and erasure.</summary>
[Collection(ApiCollection.Name)]
public sealed class PersonalDataTests(CollaborationFactory factory)
{
    private const string Export = "query($p: ID) { personalData(personId: $p) }";
    private const string Erase = "mutation($p: ID!, $e: String!) { erasePerson(personId: $p, email: $e) }";

    /// <summary>The subject's passport number, in their registration for the meeting (one per test run).</summary>
    // Each test's own (xunit makes an instance per test): the other test's registration, still stored, holds another.
    private readonly string Passport = "P" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>
    /// A meeting Egypt is invited to, whose delegate "subject" (a name of their own) has accepted; the subject
    /// also chairs a working group and owns an action item, is a contact expert in Egypt's registry, and
    /// has requested an expert exchange.
    /// </summary>
    private async Task<(MeetingWorld World, string MeetingId)> InvitedAsync(CollaborationFactory factory)
    {
        var world = await MeetingWorld.CreateAsync(factory);
        await world.AddAsync("subject", "Delegate " + Guid.NewGuid().ToString("N")[..8], "DELEGATE", state: "EG");
        var id = (await world.CreateMeetingAsync(MeetingWorld.Details(capacity: 10)))["id"]!.GetValue<string>();
        (await MeetingWorld.ChangeAsync(world.Administrator, "scheduleMeeting(id: $id)", "($id: ID!)", new { id })).EnsureNoErrors();
        await StateInvitations.InviteStatesAsync(world.Administrator, id, "EG");
        var subject = await world.AsAsync("subject");
        (await MeetingWorld.ChangeAsync(subject, "respondToInvitation(id: $id, response: ACCEPT)", "($id: ID!)", new { id })).EnsureNoErrors();
        (await MeetingWorld.ChangeAsync(subject, "registerForMeeting(id: $id, registration: $r)", "($id: ID!, $r: RegistrationInput!)", new
        {
            id,
            r = new { arrival = "2012-05-21", departure = "2012-05-23", visaLetterRequested = true, nameAsInPassport = "SUBJECT DELEGATE", nationality = "EG", passportNumber = Passport, passportExpires = "2030-01-31", fundingRequested = true, dietaryNeeds = "Vegetarian" },
        })).EnsureNoErrors();

        var person = world.People["subject"];
        var group = (await world.Administrator.GraphQLAsync("mutation($k: String!, $g: WorkingGroupInput!) { createWorkingGroup(key: $k, groupKey: \"returns\", group: $g) { id } }",
            new { k = world.Key, g = new { name = "Returns working group", mandate = "Exchange on return.", partnerStateCodes = new[] { "EG" }, chairIds = new[] { person } } }))
            .EnsureNoErrors().Data("createWorkingGroup", "id").GetValue<string>();
        (await world.Administrator.GraphQLAsync("mutation($id: ID!, $o: ID!) { addActionItem(id: $id, item: { title: \"Draft the terms of reference\", ownerId: $o, dueDate: \"2031-02-01\" }) { id } }",
            new { id = group, o = person })).EnsureNoErrors();
        (await world.Administrator.GraphQLAsync("mutation($k: String!, $e: [ID!]) { addPriority(key: $k, partnerStateCode: \"EG\", expectedVersion: 0, priority: { kind: OFFER, topic: \"Labour migration\", description: \"Pre-departure orientation.\", contactExpertIds: $e }) { version } }",
            new { k = world.Key, e = new[] { person } })).EnsureNoErrors();
        (await subject.GraphQLAsync("mutation($k: String!, $e: ID!) { requestExpertExchange(key: $k, request: { requestingStateCode: \"EG\", requestingExpertId: $e, kind: STUDY_VISIT, topic: \"Labour migration\", objectives: \"See orientation at work.\", preferredFrom: \"2031-03-01\", preferredTo: \"2031-04-30\", durationDays: 3, language: \"ar\" }) { id } }",
            new { k = world.Key, e = person })).EnsureNoErrors();
        return (world, id);
    }

    [Fact]
    public async Task A_person_exports_what_is_held_about_them_and_nobody_but_an_administrator_may_export_it_for_them()
    {
        var (world, meetingId) = await InvitedAsync(factory);
        var delegate_ = await world.AsAsync("subject");
        var token = (await delegate_.GraphQLAsync("mutation { createAccessToken(name: \"spreadsheet\") { token } }")).EnsureNoErrors().Data("createAccessToken", "token").GetValue<string>();

        var own = JsonNode.Parse((await delegate_.GraphQLAsync(Export)).EnsureNoErrors().Data("personalData").GetValue<string>())!;
        Assert.Equal(world.Emails["subject"], own["person"]!["profile"]!["email"]!.GetValue<string>());
        var membership = own["memberships"]!.AsArray().Single(m => m!["dialogue"]!.GetValue<string>() == world.Key)!;
        Assert.Equal("EG", membership["partnerStateCode"]!.GetValue<string>());
        Assert.Equal(["Delegate"], membership["roles"]!.AsArray().Select(r => r!.GetValue<string>()));
        var meeting = own["meetings"]!.AsArray().Single()!;
        Assert.Equal((meetingId, "Accepted"), (meeting["meetingId"]!.GetValue<string>(), meeting["invitationStatus"]!.GetValue<string>()));
        Assert.Equal((Passport, "Vegetarian"), (meeting["registration"]!["passportNumber"]!.GetValue<string>(), meeting["registration"]!["dietaryNeeds"]!.GetValue<string>()));
        Assert.Equal("spreadsheet", own["accessTokens"]!.AsArray().Single()!["name"]!.GetValue<string>());
        var group = own["workingGroups"]!.AsArray().Single()!;
        Assert.Equal((true, "Draft the terms of reference"), (group["chair"]!.GetValue<bool>(), group["actionItems"]![0]!["title"]!.GetValue<string>()));
        Assert.Equal("requesting expert", own["expertExchanges"]!.AsArray().Single()!["roles"]![0]!.GetValue<string>());
        Assert.Equal("Labour migration", own["registryOfPriorities"]!.AsArray().Single()!["topic"]!.GetValue<string>());
        Assert.DoesNotContain(token, own.ToJsonString(), StringComparison.Ordinal);

        var byAdministrator = (await world.Administrator.GraphQLAsync(Export, new { p = world.People["subject"] })).EnsureNoErrors().Data("personalData").GetValue<string>();
        Assert.Equal(own["memberships"]!.ToJsonString(), JsonNode.Parse(byAdministrator)!["memberships"]!.ToJsonString());
        Assert.Equal("NOT_FOUND", (await (await world.AsAsync("eg2")).GraphQLAsync(Export, new { p = world.People["subject"] })).Code);
        Assert.Equal("NOT_FOUND", (await (await world.AsAsync("staff")).GraphQLAsync(Export, new { p = world.People["subject"] })).Code);
        Assert.Equal("UNAUTHENTICATED", (await factory.Anonymous().GraphQLAsync(Export, new { p = world.People["subject"] })).Code);
    }

    [Fact]
    public async Task An_erased_person_can_no_longer_sign_in_and_nothing_names_them_while_their_place_in_the_meeting_stays()
    {
        var (world, meetingId) = await InvitedAsync(factory);
        var email = world.Emails["subject"];
        var personId = world.People["subject"];
        var session = await world.AsAsync("subject");
        var token = (await session.GraphQLAsync("mutation { createAccessToken(name: \"hub\") { token } }")).EnsureNoErrors().Data("createAccessToken", "token").GetValue<string>();
        var name = (await session.GraphQLAsync("{ viewer { person { name } } }")).Data("viewer", "person", "name").GetValue<string>();

        Assert.Equal("FORBIDDEN", (await (await world.AsAsync("staff")).GraphQLAsync(Erase, new { p = personId, e = email })).Code);
        var unconfirmed = await world.Administrator.GraphQLAsync(Erase, new { p = personId, e = "someone-else@example.org" });
        Assert.Equal(("VALIDATION", "ERASURE_NOT_CONFIRMED"), (unconfirmed.Code, unconfirmed.Errors[0]!["extensions"]!["reason"]!.GetValue<string>()));
        Assert.NotNull((await session.GraphQLAsync("{ viewer { person { id } } }")).Data("viewer"));

        Assert.NotEmpty(StoredStatesMentioning(Passport));
        (await world.Administrator.GraphQLAsync(Erase, new { p = personId, e = email.ToUpperInvariant() })).EnsureNoErrors();

        // Every credential is dead: the browser session, the access token, and any new sign-in link.
        Assert.Null((await session.GraphQLAsync("{ viewer { person { id } } }")).Body["data"]!["viewer"]);
        await using (var hub = await HubClient.ConnectAsync(factory, token, start: false))
            Assert.NotNull(await Record.ExceptionAsync(() => hub.Connection.StartAsync(TestContext.Current.CancellationToken)));
        var mailBefore = factory.MailTo(email).Count();
        (await factory.Anonymous().GraphQLAsync("mutation($e: String!) { requestSignInLink(email: $e) }", new { e = email })).EnsureNoErrors();
        await factory.WaitForOutboxToDrainAsync(email);
        Assert.Equal(mailBefore, factory.MailTo(email).Count());

        // The directory no longer lists them; the meeting keeps the accepted place, under no name; the group
        // keeps the action item, owned by nobody named.
        var group = (await world.Administrator.GraphQLAsync("query($k: String!) { workingGroups(key: $k) { chairs { personId } actionItems { ownerName } } }", new { k = world.Key }))
            .EnsureNoErrors().Data("workingGroups")[0]!;
        Assert.Empty(group["chairs"]!.AsArray());
        Assert.Equal("Erased person", group["actionItems"]![0]!["ownerName"]!.GetValue<string>());
        var members = (await world.Administrator.GraphQLAsync("query($k: String!) { dialogue(key: $k) { members { personId } } }", new { k = world.Key }))
            .EnsureNoErrors().Data("dialogue", "members").AsArray();
        Assert.DoesNotContain(members, m => m!["personId"]!.GetValue<string>() == personId);
        var meeting = await world.ReadAsync(meetingId);
        var invitation = meeting["invitations"]!.AsArray().Single(i => i!["invitee"]!["personId"]!.GetValue<string>() == personId)!;
        Assert.Equal(("Erased person", "ACCEPTED"), (invitation["invitee"]!["name"]!.GetValue<string>(), invitation["status"]!.GetValue<string>()));
        Assert.DoesNotContain(name, meeting.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(email, meeting.ToJsonString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("NOT_FOUND", (await world.Administrator.GraphQLAsync(Export, new { p = personId })).Code);

        // Nor does storage hold their name, address or registration (passport) in any grain's state any more.
        Assert.Empty(StoredStatesMentioning(name, email, Passport));

        // The address can be given an account again, as a new person.
        var again = await world.Administrator.GraphQLAsync(
            "mutation($k: String!, $e: String!) { addMember(key: $k, person: { name: \"Returning Delegate\", email: $e }, membership: { roles: [DELEGATE], partnerStateCode: \"EG\" }) { members { personId person { email } } } }",
            new { k = world.Key, e = email });
        var newId = again.EnsureNoErrors().Data("addMember", "members").AsArray().Single(m => m!["person"]!["email"]!.GetValue<string>() == email)!["personId"]!.GetValue<string>();
        Assert.NotEqual(personId, newId);
    }

    /// <summary>Grain states (type and key) whose stored payload mentions a name or an address.</summary>
    private List<string> StoredStatesMentioning(params string[] needles) =>
        [.. StoredStates.Read(factory.DatabasePath)
            .Where(r => needles.Any(n => r.Text.Contains(n, StringComparison.OrdinalIgnoreCase)))
            .Select(r => $"{r.Type} {r.Key}")];
}
