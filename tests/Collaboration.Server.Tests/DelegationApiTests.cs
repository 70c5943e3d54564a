using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Collaboration.Server.Tests;

/// <summary>
/// Delegations and registration through the API: a state invited as a state is asked (by mail) to nominate within its
/// places, only its focal points and the secretariat nominate, a refusal changes nothing; invitees register for the
/// secretariat's eyes only, the visa-support letter is the secretariat's, and the secretariat sees each state's
/// participation over the years.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class DelegationApiTests(CollaborationFactory factory)
{
    private const string Read = """
        query($id: ID!) { meeting(id: $id) { version
          delegations { partnerStateCode partnerStateName places status declineReason canNominate nominees { invitee { personId name } status } }
          invitations { invitee { personId } status }
          myRegistration { revision registeredAt passportNumber visaLetterRequested visaLetterUrl(language: "en") } } }
        """;

    private const string Nominate = "nominateDelegates(id: $id, partnerStateCode: $c, personIds: $p, newDelegates: $n)";
    private const string NominateArgs = "($id: ID!, $c: String!, $p: [ID!], $n: [NewDelegateInput!])";
    private const string Register = "registerForMeeting(id: $id, registration: $r, expectedRevision: $v)";
    private const string RegisterArgs = "($id: ID!, $r: RegistrationInput!, $v: Int)";

    private static async Task<JsonNode> ReadAsync(HttpClient client, string id) =>
        (await client.GraphQLAsync(Read, new { id })).EnsureNoErrors().Data("meeting");

    private static int Version(JsonNode meeting) => meeting["version"]!.GetValue<int>();

    /// <summary>A world with a focal point for Egypt too, and an upcoming meeting (2031) open to participants only.</summary>
    private async Task<(MeetingWorld World, string Id)> MeetingAsync(string starts = "2031-05-22T09:00", string ends = "2031-05-23T17:00")
    {
        var world = await MeetingWorld.CreateAsync(factory);
        await world.AddAsync("egfp", "Egyptian Focal Point", "FOCAL_POINT", state: "EG");
        var id = (await world.CreateMeetingAsync(MeetingWorld.Details(starts, ends, capacity: 10)))["id"]!.GetValue<string>();
        return (world, id);
    }

    private static async Task<GraphQLResponse> InviteAsync(HttpClient client, string id, params object[] targets) =>
        await MeetingWorld.ChangeAsync(client, "inviteToMeeting(id: $id, targets: $t)", "($id: ID!, $t: [InvitationTargetInput!]!)", new { id, t = targets });

    private static Task<GraphQLResponse> Schedule(HttpClient client, string id) =>
        MeetingWorld.ChangeAsync(client, "scheduleMeeting(id: $id)", "($id: ID!)", new { id });

    [Fact]
    public async Task A_focal_point_named_after_the_meeting_was_announced_is_asked_too_while_the_state_has_nominated_no_one()
    {
        var (world, id) = await MeetingAsync();
        var staff = await world.AsAsync("staff");
        (await InviteAsync(staff, id, new { partnerStateCode = "MA" }, new { partnerStateCode = "SN" }, new { partnerStateCode = "EG" })).EnsureNoErrors();
        (await Schedule(staff, id)).EnsureNoErrors();
        static bool Request(MimeKit.MimeMessage m) => m.Subject?.StartsWith("Nominate your delegation: ", StringComparison.Ordinal) == true;
        async Task AskedAsync(string alias) =>
            await Eventually.Async(() => Task.FromResult(factory.MailTo(world.Emails[alias]).FirstOrDefault(Request)), $"the nomination request to {alias}");
        await AskedAsync("ma1");
        await AskedAsync("egfp");

        // Senegal had no focal point when the meeting was announced, and Morocco gets a second one: both are asked now.
        await world.AddAsync("snfp", "Senegalese Focal Point", "FOCAL_POINT", state: "SN");
        await world.AddAsync("ma3", "Second Moroccan Focal Point", "FOCAL_POINT", state: "MA");
        await AskedAsync("snfp");
        await AskedAsync("ma3");

        // Egypt has nominated: its new focal point is not asked. (Both arrive in one import, so the meeting looks at
        // Egypt and Morocco at once: once Morocco's third is asked, Egypt's second would have been too.)
        (await MeetingWorld.ChangeAsync(staff, Nominate, NominateArgs, new { id, c = "EG", p = new[] { world.People["egfp"] } })).EnsureNoErrors();
        string eg2 = $"eg2-{Guid.NewGuid():N}@example.org", ma4 = $"ma4-{Guid.NewGuid():N}@example.org";
        (await world.Administrator.GraphQLAsync("mutation($k: String!, $csv: String!) { importMembers(key: $k, csv: $csv, dryRun: false) { imported } }",
            new { k = world.Key, csv = $"email,name,roles,partnerStateCode\n{eg2},Second Egyptian Focal Point,FocalPoint,EG\n{ma4},Third Moroccan Focal Point,FocalPoint,MA" })).EnsureNoErrors();
        await Eventually.Async(() => Task.FromResult(factory.MailTo(ma4).FirstOrDefault(Request)), "the nomination request to Morocco's third focal point");
        await factory.WaitForOutboxToDrainAsync(eg2, world.Emails["ma1"], world.Emails["egfp"], world.Emails["snfp"], world.Emails["ma3"]);
        Assert.DoesNotContain(factory.MailTo(eg2), Request);
        // No one was asked twice.
        foreach (var alias in (string[])["ma1", "egfp", "snfp", "ma3"])
            Assert.Single(factory.MailTo(world.Emails[alias]), Request);
    }

    [Fact]
    public async Task A_focal_point_is_asked_to_nominate_and_nominates_within_the_places_and_refusals_change_nothing()
    {
        var (world, id) = await MeetingAsync();
        var staff = await world.AsAsync("staff");
        var invited = (await InviteAsync(staff, id, new { partnerStateCode = "MA", places = 2 }, new { partnerStateCode = "SN" })).EnsureNoErrors();
        // Senegal has no focal point: the secretariat is told it nominates on Senegal's behalf.
        Assert.Equal("Senegal", Assert.Single(invited.Data("result", "warnings").AsArray(), w => w!["code"]!.GetValue<string>() == "NO_FOCAL_POINT")!["values"]![0]!["value"]!.GetValue<string>());
        Assert.Empty(invited.Data("result", "meeting", "invitations").AsArray());
        (await Schedule(staff, id)).EnsureNoErrors();

        // Morocco's focal point is asked by mail, in their language, once the meeting is announced.
        await Eventually.Async(() => Task.FromResult(factory.MailTo(world.Emails["ma1"]).FirstOrDefault(m => m.Subject?.StartsWith("Nominate your delegation: ", StringComparison.Ordinal) == true)),
            "the nomination request to Morocco's focal point");

        // They see the meeting (not invited themself) and only their own state's delegation; others see none.
        var ma1 = await world.AsAsync("ma1");
        var seen = await ReadAsync(ma1, id);
        var own = Assert.Single(seen["delegations"]!.AsArray())!;
        Assert.Equal(("MA", "Morocco", 2, "AWAITING_NOMINATIONS", true), (own["partnerStateCode"]!.GetValue<string>(), own["partnerStateName"]!.GetValue<string>(),
            own["places"]!.GetValue<int>(), own["status"]!.GetValue<string>(), own["canNominate"]!.GetValue<bool>()));
        Assert.Equal(2, (await ReadAsync(staff, id))["delegations"]!.AsArray().Count);
        var listed = (await ma1.GraphQLAsync("query($k: String!) { meetings(key: $k) { nodes { id } } }", new { k = world.Key })).EnsureNoErrors().Data("meetings", "nodes").AsArray();
        Assert.Contains(listed, m => m!["id"]!.GetValue<string>() == id);
        Assert.Equal("NOT_FOUND", (await (await world.AsAsync("outsider")).GraphQLAsync(Read, new { id })).Code);
        var agenda = (await ma1.GraphQLAsync("{ viewer { agenda { kind action objectId } } }")).EnsureNoErrors().Data("viewer", "agenda").AsArray();
        Assert.Contains(agenda, a => a!["kind"]!.GetValue<string>() == "NOMINATE_DELEGATION" && a["objectId"]!.GetValue<string>() == id && a["action"]!.GetValue<string>() == "NOMINATE_DELEGATES");

        // One member of the state and one new person: both are invited.
        var newcomer = $"new-{Guid.NewGuid():N}@example.org";
        var nominated = (await MeetingWorld.ChangeAsync(ma1, Nominate, NominateArgs, new
        {
            id, c = "MA", p = new[] { world.People["ma2"] }, n = new[] { new { name = "New Moroccan Delegate", email = newcomer, preferredLanguage = "fr" } },
        })).EnsureNoErrors();
        var after = await ReadAsync(staff, id);
        var morocco = after["delegations"]!.AsArray().Single(d => d!["partnerStateCode"]!.GetValue<string>() == "MA")!;
        Assert.Equal("NOMINATED", morocco["status"]!.GetValue<string>());
        Assert.Equal(["Moroccan Delegate", "New Moroccan Delegate"], morocco["nominees"]!.AsArray().Select(n => n!["invitee"]!["name"]!.GetValue<string>()).Order());
        Assert.Equal(2, after["invitations"]!.AsArray().Count(i => i!["status"]!.GetValue<string>() == "INVITED"));
        Assert.DoesNotContain((await ma1.GraphQLAsync("{ viewer { agenda { kind objectId } } }")).EnsureNoErrors().Data("viewer", "agenda").AsArray(),
            a => a!["kind"]!.GetValue<string>() == "NOMINATE_DELEGATION" && a["objectId"]!.GetValue<string>() == id);

        // A third is beyond the places; a focal point of another state may not; a delegate of Italy is not Morocco's.
        var version = Version(after);
        var third = $"third-{Guid.NewGuid():N}@example.org";
        var tooMany = await MeetingWorld.ChangeAsync(ma1, Nominate, NominateArgs, new { id, c = "MA", n = new[] { new { name = "Third", email = third, preferredLanguage = "ar" } } });
        Assert.Equal(("VALIDATION", "TOO_MANY_NOMINEES", "personIds"), (tooMany.Code, tooMany.Errors[0]!["extensions"]!["reason"]!.GetValue<string>(), tooMany.Errors[0]!["extensions"]!["field"]!.GetValue<string>()));
        (await InviteAsync(staff, id, new { partnerStateCode = "EG" })).EnsureNoErrors();
        version = Version(await ReadAsync(staff, id));
        Assert.Equal("FORBIDDEN", (await MeetingWorld.ChangeAsync(await world.AsAsync("egfp"), Nominate, NominateArgs, new { id, c = "MA", p = new[] { world.People["ma2"] } })).Code);
        var notOfTheState = await MeetingWorld.ChangeAsync(staff, Nominate, NominateArgs, new { id, c = "MA", p = new[] { world.People["it2"] } });
        Assert.Equal(("VALIDATION", "NOT_OF_THE_STATE"), (notOfTheState.Code, notOfTheState.Errors[0]!["extensions"]!["reason"]!.GetValue<string>()));
        var notInvited = await MeetingWorld.ChangeAsync(staff, Nominate, NominateArgs, new { id, c = "IT", p = new[] { world.People["it2"] } });
        Assert.Equal(("VALIDATION", "NOT_A_DELEGATION"), (notInvited.Code, notInvited.Errors[0]!["extensions"]!["reason"]!.GetValue<string>()));
        Assert.Equal(version, Version(await ReadAsync(staff, id)));
        var members = (await world.Administrator.GraphQLAsync("query($k: String!) { dialogue(key: $k) { members { person { email } } } }", new { k = world.Key }))
            .EnsureNoErrors().Data("dialogue", "members").AsArray().Select(m => m!["person"]!["email"]!.GetValue<string>()).ToList();
        Assert.Contains(newcomer, members);
        Assert.DoesNotContain(third, members);

        // Withdrawing frees the place; declining withdraws everyone and says why.
        (await MeetingWorld.ChangeAsync(ma1, "withdrawNomination(id: $id, partnerStateCode: \"MA\", personId: $p)", "($id: ID!, $p: ID!)", new { id, p = world.People["ma2"] })).EnsureNoErrors();
        var withdrawn = (await ReadAsync(ma1, id))["delegations"]![0]!;
        Assert.Equal(("NOMINATED", 1), (withdrawn["status"]!.GetValue<string>(), withdrawn["nominees"]!.AsArray().Count));
        Assert.Equal("NOT_FOUND", (await (await world.AsAsync("ma2")).GraphQLAsync(Read, new { id })).Code);
        (await MeetingWorld.ChangeAsync(ma1, "declineDelegation(id: $id, partnerStateCode: \"MA\", reason: $r)", "($id: ID!, $r: String)", new { id, r = "Elections that week." })).EnsureNoErrors();
        var declined = (await ReadAsync(ma1, id))["delegations"]![0]!;
        Assert.Equal(("DECLINED", "Elections that week.", 0), (declined["status"]!.GetValue<string>(), declined["declineReason"]!.GetValue<string>(), declined["nominees"]!.AsArray().Count));
        Assert.Equal("FORBIDDEN", (await MeetingWorld.ChangeAsync(await world.AsAsync("egfp"), "declineDelegation(id: $id, partnerStateCode: \"MA\")", "($id: ID!)", new { id })).Code);

        // Nominating again undoes the decline.
        (await MeetingWorld.ChangeAsync(staff, Nominate, NominateArgs, new { id, c = "MA", p = new[] { world.People["ma2"] } })).EnsureNoErrors();
        Assert.Equal("NOMINATED", (await ReadAsync(ma1, id))["delegations"]![0]!["status"]!.GetValue<string>());
    }

    private static object Form(string passport, string? arrival = "2031-05-21", string? departure = "2031-05-24") => new
    {
        arrival, departure, visaLetterRequested = true, nameAsInPassport = "MOROCCAN DELEGATE", nationality = "MA", passportNumber = passport,
        passportExpires = "2033-01-31", fundingRequested = true, fundingNote = "Economy flight", accessibilityNeeds = (string?)null, dietaryNeeds = "Halal",
    };

    [Fact]
    public async Task Registration_is_checked_in_full_kept_from_stale_saves_and_seen_only_by_the_invitee_and_the_secretariat()
    {
        var (world, id) = await MeetingAsync();
        var staff = await world.AsAsync("staff");
        (await Schedule(staff, id)).EnsureNoErrors();
        (await InviteAsync(staff, id, new { partnerStateCode = "MA" }, new { personId = world.People["eg1"] })).EnsureNoErrors();
        (await MeetingWorld.ChangeAsync(staff, Nominate, NominateArgs, new { id, c = "MA", p = new[] { world.People["ma2"] } })).EnsureNoErrors();
        var ma2 = await world.AsAsync("ma2");
        var eg1 = await world.AsAsync("eg1");
        foreach (var invitee in new[] { ma2, eg1 })
            (await MeetingWorld.ChangeAsync(invitee, "respondToInvitation(id: $id, response: ACCEPT)", "($id: ID!)", new { id })).EnsureNoErrors();
        Assert.Equal(0, (await ReadAsync(ma2, id))["myRegistration"]!["revision"]!.GetValue<int>());

        // Every bad field at once, and nothing stored.
        var version = Version(await ReadAsync(staff, id));
        var bad = await MeetingWorld.ChangeAsync(ma2, Register, RegisterArgs, new
        {
            id, v = (int?)null,
            r = new { arrival = "2031-13-01", departure = "2031-05-01", visaLetterRequested = true, nationality = "XX", passportNumber = "AB-12", passportExpires = "2031-05-23", fundingRequested = false, dietaryNeeds = new string('x', 1001) },
        });
        var problems = bad.Errors.ToDictionary(e => e!["extensions"]!["field"]!.GetValue<string>(), e => e!["extensions"]!["reason"]!.GetValue<string>());
        Assert.Equal("VALIDATION", bad.Code);
        Assert.Equal(new Dictionary<string, string>
        {
            ["arrival"] = "NOT_A_DATE", ["departure"] = "DEPARTURE_BEFORE_MEETING", ["nameAsInPassport"] = "REQUIRED", ["nationality"] = "INVALID_COUNTRY",
            ["passportNumber"] = "INVALID_PASSPORT_NUMBER", ["passportExpires"] = "PASSPORT_EXPIRES", ["dietaryNeeds"] = "TOO_LONG",
        }, problems);
        var late = await MeetingWorld.ChangeAsync(ma2, Register, RegisterArgs, new { id, v = (int?)null, r = Form("AB1234567", arrival: "2031-05-25", departure: "2031-05-24") });
        Assert.Equal(["ARRIVAL_AFTER_MEETING", "DEPARTURE_BEFORE_ARRIVAL"], late.Errors.Select(e => e!["extensions"]!["reason"]!.GetValue<string>()).Order());
        Assert.Equal(version, Version(await ReadAsync(staff, id)));

        // Saved at revision 1, then 2; a stale revision is a conflict.
        var passport = "P" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant();
        (await MeetingWorld.ChangeAsync(ma2, Register, RegisterArgs, new { id, v = (int?)null, r = Form(passport) })).EnsureNoErrors();
        Assert.Equal("CONFLICT", (await MeetingWorld.ChangeAsync(ma2, Register, RegisterArgs, new { id, v = (int?)null, r = Form(passport) })).Code);
        (await MeetingWorld.ChangeAsync(ma2, Register, RegisterArgs, new { id, v = 1, r = Form(passport) })).EnsureNoErrors();
        version = Version(await ReadAsync(staff, id));
        Assert.Equal("CONFLICT", (await MeetingWorld.ChangeAsync(ma2, Register, RegisterArgs, new { id, v = 1, r = Form(passport) })).Code);
        Assert.Equal(version, Version(await ReadAsync(staff, id)));
        var mine = (await ReadAsync(ma2, id))["myRegistration"]!;
        Assert.Equal((2, passport, true), (mine["revision"]!.GetValue<int>(), mine["passportNumber"]!.GetValue<string>(), mine["visaLetterRequested"]!.GetValue<bool>()));
        Assert.Null(mine["visaLetterUrl"]);

        // Those not invited may not register; the secretariat reads every registration, in order.
        Assert.Equal("FORBIDDEN", (await MeetingWorld.ChangeAsync(staff, Register, RegisterArgs, new { id, v = (int?)null, r = Form(passport) })).Code);
        Assert.Equal("NOT_FOUND", (await MeetingWorld.ChangeAsync(await world.AsAsync("outsider"), Register, RegisterArgs, new { id, v = (int?)null, r = Form(passport) })).Code);
        const string Registrations = "query($id: ID!) { meeting(id: $id) { registrations { delegate { personId name affiliation } invitationStatus passportNumber revision registeredAt visaLetterUrl(language: \"ar\") } } }";
        var all = (await staff.GraphQLAsync(Registrations, new { id })).EnsureNoErrors().Data("meeting", "registrations").AsArray();
        Assert.Equal(["Egypt", "Morocco"], all.Select(r => r!["delegate"]!["affiliation"]!.GetValue<string>()));
        var row = all[1]!;
        Assert.Equal((passport, 2, $"/meetings/{id}/registrations/{world.People["ma2"]}/visa-letter.docx?language=ar"),
            (row["passportNumber"]!.GetValue<string>(), row["revision"]!.GetValue<int>(), row["visaLetterUrl"]!.GetValue<string>()));
        Assert.Null(all[0]!["registeredAt"]);
        Assert.Equal("FORBIDDEN", (await eg1.GraphQLAsync(Registrations, new { id })).Code);

        // Nobody else's answers carry it: another participant's page, the lists, the audit, the participant list.
        const string Everything = "query($id: ID!, $k: String!) { meeting(id: $id) { participants { name } invitations { invitee { name } } delegations { partnerStateCode } myRegistration { passportNumber } auditTrail { summary } } meetings(key: $k) { nodes { id titles { text } } } }";
        foreach (var reader in new[] { eg1, await world.AsAsync("ma1"), staff })
        {
            var raw = (await reader.GraphQLAsync(Everything, new { id, k = world.Key })).EnsureNoErrors().Raw;
            Assert.DoesNotContain(passport, raw, StringComparison.Ordinal);
            Assert.DoesNotContain("Halal", raw, StringComparison.Ordinal);
        }
        Assert.Contains("registered", (await staff.GraphQLAsync(Everything, new { id, k = world.Key })).Raw, StringComparison.Ordinal);
        var csv = await staff.GetStringAsync($"/meetings/{id}/participants.csv", TestContext.Current.CancellationToken);
        Assert.DoesNotContain(passport, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(factory.Logs.Messages, m => m.Contains(passport, StringComparison.Ordinal));

        // The visa letter: the secretariat's (recorded as issued), 403 for the invitee, 404 for one who does not see the meeting.
        var path = $"/meetings/{id}/registrations/{world.People["ma2"]}/visa-letter.docx?language=en";
        var docx = await staff.GetByteArrayAsync(path, TestContext.Current.CancellationToken);
        using (var document = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var text = string.Join("\n", document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText));
            Assert.Contains("MOROCCAN DELEGATE", text, StringComparison.Ordinal);
            Assert.Contains(passport, text, StringComparison.Ordinal);
            Assert.Contains("MTM 10-Year Anniversary Event", text, StringComparison.Ordinal);
            Assert.Contains("Embassy of Malta", text, StringComparison.Ordinal);
        }
        var arabic = await staff.GetByteArrayAsync(path.Replace("language=en", "language=ar", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        using (var document = WordprocessingDocument.Open(new MemoryStream(arabic), false))
        {
            Assert.All(document.MainDocumentPart!.Document.Body!.Elements<Paragraph>(), p => Assert.NotNull(p.ParagraphProperties?.BiDi));
            // The host country and the nationality as Arabic names them.
            var text = string.Join("\n", document.MainDocumentPart.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText));
            Assert.Contains("لسفارة مالطا", text, StringComparison.Ordinal);
            Assert.Contains("(الجنسية: المغرب)", text, StringComparison.Ordinal);
        }
        var french = await staff.GetByteArrayAsync(path.Replace("language=en", "language=fr", StringComparison.Ordinal), TestContext.Current.CancellationToken);
        using (var document = WordprocessingDocument.Open(new MemoryStream(french), false))
        {
            var text = string.Join("\n", document.MainDocumentPart!.Document.Body!.Elements<Paragraph>().Select(p => p.InnerText));
            Assert.Contains("ambassade : Malte", text, StringComparison.Ordinal);
            Assert.Contains("(nationalité : Maroc)", text, StringComparison.Ordinal);
        }
        Assert.NotNull((await staff.GraphQLAsync(Registrations.Replace("registeredAt", "visaLetterIssuedAt", StringComparison.Ordinal), new { id }))
            .EnsureNoErrors().Data("meeting", "registrations")[1]!["visaLetterIssuedAt"]);
        using (var invitee = await ma2.GetAsync(path, TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.Forbidden, invitee.StatusCode);
        using (var outsider = await (await world.AsAsync("outsider")).GetAsync(path, TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.NotFound, outsider.StatusCode);
        using (var notRequested = await staff.GetAsync($"/meetings/{id}/registrations/{world.People["eg1"]}/visa-letter.docx", TestContext.Current.CancellationToken))
            Assert.Equal(HttpStatusCode.BadRequest, notRequested.StatusCode);
    }

    [Fact]
    public async Task The_secretariat_sees_each_state_s_participation_year_by_year()
    {
        var (world, first) = await MeetingAsync();
        var staff = await world.AsAsync("staff");
        var second = (await world.CreateMeetingAsync(MeetingWorld.Details("2031-09-10T09:00", "2031-09-11T17:00", capacity: 10)))["id"]!.GetValue<string>();
        var cancelled = (await world.CreateMeetingAsync(MeetingWorld.Details("2031-10-10T09:00", "2031-10-11T17:00", capacity: 10)))["id"]!.GetValue<string>();
        var later = (await world.CreateMeetingAsync(MeetingWorld.Details("2032-03-10T09:00", "2032-03-11T17:00", capacity: 10)))["id"]!.GetValue<string>();
        foreach (var id in new[] { first, second, cancelled, later })
        {
            (await Schedule(staff, id)).EnsureNoErrors();
            (await InviteAsync(staff, id, new { partnerStateCode = "MA" }, new { partnerStateCode = "EG" })).EnsureNoErrors();
        }
        // 2031: Morocco takes part in the first (two delegates accept) and does not answer the second; Egypt declines the first.
        (await MeetingWorld.ChangeAsync(staff, Nominate, NominateArgs, new { id = first, c = "MA", p = new[] { world.People["ma1"], world.People["ma2"] } })).EnsureNoErrors();
        foreach (var alias in new[] { "ma1", "ma2" })
            (await MeetingWorld.ChangeAsync(await world.AsAsync(alias), "respondToInvitation(id: $id, response: ACCEPT)", "($id: ID!)", new { id = first })).EnsureNoErrors();
        (await MeetingWorld.ChangeAsync(await world.AsAsync("egfp"), "declineDelegation(id: $id, partnerStateCode: \"EG\")", "($id: ID!)", new { id = first })).EnsureNoErrors();
        (await MeetingWorld.ChangeAsync(staff, "cancelMeeting(id: $id, reason: \"Postponed.\")", "($id: ID!)", new { id = cancelled })).EnsureNoErrors();

        const string Participation = "query($k: String!) { participation(key: $k) { partnerStateCode partnerStateName years { year invited tookPart declined noAnswer delegates } } }";
        var states = (await staff.GraphQLAsync(Participation, new { k = world.Key })).EnsureNoErrors().Data("participation").AsArray();
        string Of(string code) => states.Single(s => s!["partnerStateCode"]!.GetValue<string>() == code)!["years"]!.ToJsonString();
        Assert.Equal("""[{"year":2032,"invited":1,"tookPart":0,"declined":0,"noAnswer":1,"delegates":0},{"year":2031,"invited":2,"tookPart":1,"declined":0,"noAnswer":1,"delegates":2}]""", Of("MA"));
        Assert.Equal("""[{"year":2032,"invited":1,"tookPart":0,"declined":0,"noAnswer":1,"delegates":0},{"year":2031,"invited":2,"tookPart":0,"declined":1,"noAnswer":1,"delegates":0}]""", Of("EG"));
        Assert.Equal("[]", Of("IT"));
        Assert.Equal(5, states.Count);
        Assert.Equal("FORBIDDEN", (await (await world.AsAsync("ma1")).GraphQLAsync(Participation, new { k = world.Key })).Code);
    }
}
