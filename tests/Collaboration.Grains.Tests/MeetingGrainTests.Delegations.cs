using Collaboration.Meetings;
using static Collaboration.Grains.Tests.TestData;

namespace Collaboration.Grains.Tests;

/// <summary>Delegations and registration in the meeting grain: places, refusals that change nothing, registration checks and erasure.</summary>
public sealed partial class MeetingGrainTests
{
    [Fact]
    public async Task A_state_gets_1_to_50_places_never_fewer_than_its_nominees_and_a_refused_nomination_changes_nothing()
    {
        var world = await NewWorldAsync();
        var meeting = await CreatedAsync(world);
        var version = (await meeting.GetAsync(world.Secretariat)).Version;

        Assert.Equal("PLACES_RANGE", (await RefusalAsync(() => meeting.InviteAsync(world.Secretariat, [new InvitationTarget(PartnerStateCode: "TN", Places: 0)]))).Reason);
        Assert.Equal("PLACES_RANGE", (await RefusalAsync(() => meeting.InviteAsync(world.Secretariat, [new InvitationTarget(PartnerStateCode: "TN", Places: 51)]))).Reason);
        Assert.Equal("NOT_A_DELEGATION", (await RefusalAsync(() => meeting.NominateDelegatesAsync(world.Secretariat, "TN", [world.DelegateIds[0]], []))).Reason);
        Assert.Equal(version, (await meeting.GetAsync(world.Secretariat)).Version);

        var invited = (await meeting.InviteAsync(world.Secretariat, [new InvitationTarget(PartnerStateCode: "tn")])).Meeting;
        Assert.Equal((2, DelegationStatus.AwaitingNominations), (invited.Delegations![0].Places, invited.Delegations[0].Status));
        Assert.Empty(invited.Invitations);
        await meeting.NominateDelegatesAsync(world.Secretariat, "TN", [world.DelegateIds[0], world.DelegateIds[1]], []);
        version = (await meeting.GetAsync(world.Secretariat)).Version;

        var tooMany = await RefusalAsync(() => meeting.NominateDelegatesAsync(world.Secretariat, "TN", [world.DelegateIds[2]], []));
        var maltese = await RefusalAsync(() => meeting.NominateDelegatesAsync(world.Secretariat, "TN", [world.MalteseId], []));
        var fewer = await RefusalAsync(() => meeting.InviteAsync(world.Secretariat, [new InvitationTarget(PartnerStateCode: "TN", Places: 1)]));
        var delegate_ = await RefusalAsync(() => meeting.NominateDelegatesAsync(world.Delegates[0], "TN", [world.DelegateIds[2]], []));

        Assert.Equal(("TOO_MANY_NOMINEES", "personIds"), (tooMany.Reason, tooMany.Field));
        Assert.Equal("NOT_OF_THE_STATE", maltese.Reason);
        Assert.Equal("TOO_MANY_NOMINEES", fewer.Reason);
        Assert.Equal(ErrorCode.Forbidden, delegate_.Code);
        var after = await meeting.GetAsync(world.Secretariat);
        Assert.Equal(version, after.Version);
        Assert.Equal(2, after.Delegations![0].Nominees.Count);

        // More places, then the third fits; a nominee already invited stays as they are.
        await meeting.InviteAsync(world.Secretariat, [new InvitationTarget(PartnerStateCode: "TN", Places: 3)]);
        var third = (await meeting.NominateDelegatesAsync(world.Secretariat, "TN", [world.DelegateIds[0], world.DelegateIds[2]], [])).Meeting;
        Assert.Equal(3, third.Delegations![0].Nominees.Count);
        Assert.Equal(3, third.Invitations.Count);
    }

    [Fact]
    public void A_registration_reports_every_bad_field_and_a_visa_letter_needs_the_passport()
    {
        var first = new DateOnly(2030, 6, 3);
        var last = new DateOnly(2030, 6, 4);
        var e = Assert.Throws<CollaborationException>(() => MeetingGrain.ValidRegistration(
            new RegistrationForm("2030-06-05", "2030-06-01", true, null, "ZZ", "12 34", "2030-06-04", false, null, null, new string('x', 1001)), first, last));
        Assert.Equal(
            ["arrival", "departure", "dietaryNeeds", "nameAsInPassport", "nationality", "passportExpires", "passportNumber"],
            e.FieldProblems.Select(p => p.Field).Order());

        var valid = MeetingGrain.ValidRegistration(new RegistrationForm(" 2030-06-02 ", "2030-06-05", true, " Name In Passport ", "tn", "ab123", "2031-01-01", true, "", null, null), first, last);
        Assert.Equal(("2030-06-02", "Name In Passport", "TN", "AB123", (string?)null), (valid.Arrival, valid.NameAsInPassport, valid.Nationality, valid.PassportNumber, valid.FundingNote));
        // Without a letter, the passport is not asked for (nor kept).
        var noLetter = MeetingGrain.ValidRegistration(new RegistrationForm(null, null, false, null, "??", "??", null, false, null, null, "Halal"), first, last);
        Assert.Equal(((string?)null, (string?)null, "Halal"), (noLetter.Nationality, noLetter.PassportNumber, noLetter.DietaryNeeds));
    }

    [Fact]
    public async Task Only_an_invitee_registers_the_revision_guards_it_and_erasing_the_person_removes_it()
    {
        var (meeting, world) = await ScheduledAsync(capacity: 10);
        var form = new RegistrationForm("2030-06-02", "2030-06-05", true, "Delegate Zero", "TN", "TN12345", "2032-01-01", false, null, null, null);

        Assert.Equal(ErrorCode.Forbidden, (await RefusalAsync(() => meeting.RegisterAsync(world.Secretariat, form, null))).Code);
        var saved = (await meeting.RegisterAsync(world.Delegates[0], form, null)).Meeting;
        Assert.Equal((1, "TN12345"), (saved.MyRegistration!.Revision, saved.MyRegistration.Details!.PassportNumber));
        Assert.Equal(ErrorCode.Conflict, (await RefusalAsync(() => meeting.RegisterAsync(world.Delegates[0], form, null))).Code);
        Assert.Equal(2, (await meeting.RegisterAsync(world.Delegates[0], form, 1)).Meeting.MyRegistration!.Revision);

        // Nobody else's view holds it; the secretariat's list does, and the letter's facts come from it.
        var other = await meeting.GetAsync(world.Delegates[1]);
        Assert.Equal(0, other.MyRegistration!.Revision);
        Assert.Null(other.MyRegistration.Details);
        Assert.DoesNotContain(other.AuditTrail, a => a.Summary.Contains("TN12345", StringComparison.Ordinal));
        Assert.DoesNotContain((await meeting.GetAsync(world.Secretariat)).AuditTrail, a => a.Summary.Contains("TN12345", StringComparison.Ordinal));
        Assert.Equal(ErrorCode.Forbidden, (await RefusalAsync(() => meeting.GetRegistrationsAsync(world.Delegates[1]))).Code);
        var registrations = await meeting.GetRegistrationsAsync(world.Secretariat);
        Assert.Equal(world.DelegateIds.Count, registrations.Count);
        Assert.Single(registrations, r => r.Details?.PassportNumber == "TN12345");
        var facts = await meeting.IssueVisaLetterAsync(world.Secretariat, world.DelegateIds[0], "fr");
        Assert.Equal(("Delegate Zero", "Tunisia", "TN12345", "Tunisia"), (facts.NameAsInPassport, facts.NationalityName, facts.PassportNumber, facts.HostCountryName));
        Assert.Equal("VISA_LETTER_NOT_REQUESTED", (await RefusalAsync(() => meeting.IssueVisaLetterAsync(world.Secretariat, world.DelegateIds[1], "en"))).Reason);
        Assert.Equal(ErrorCode.Validation, (await RefusalAsync(() => meeting.IssueVisaLetterAsync(world.Secretariat, world.DelegateIds[0], "de"))).Code);

        Assert.Equal("TN12345", (await meeting.GetPersonalRecordAsync(world.Delegates[0], world.DelegateIds[0]))!.Registration!.PassportNumber);
        await meeting.ErasePersonAsync(Administrator, world.DelegateIds[0], "Delegate 0");
        Assert.Null((await meeting.GetPersonalRecordAsync(Administrator, world.DelegateIds[0]))!.Registration);
        Assert.DoesNotContain(await meeting.GetRegistrationsAsync(world.Secretariat), r => r.Details?.PassportNumber == "TN12345");
    }
}
