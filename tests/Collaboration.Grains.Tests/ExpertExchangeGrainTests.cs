using Collaboration.Exchanges;
using static Collaboration.Grains.Tests.TestData;

namespace Collaboration.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class ExpertExchangeGrainTests(ClusterFixture fixture)
{
    private sealed record World(
        string Key, Caller Secretariat, Caller MaFocal, Caller MaDelegate, Caller TnFocal, Caller TnExpert, Caller EgFocal, Caller Outsider, Caller Agency);

    private const string Topic = "Return and reintegration";

    /// <summary>Morocco requests; Tunisia and Egypt could host; Malta is a bystander; IOM may be consulted.</summary>
    private async Task<World> NewWorldAsync()
    {
        var key = NewKey();
        var dialogue = fixture.Grains.GetGrain<IDialogueGrain>(key);
        await dialogue.CreateAsync(Administrator, Settings() with { Topics = [Topic, "Labour migration"] });
        foreach (var (code, name) in new[] { ("MA", "Morocco"), ("TN", "Tunisia"), ("EG", "Egypt"), ("MT", "Malta") })
            await dialogue.AddPartnerStateAsync(Administrator, new PartnerState(code, name, 2002, "Arab"));
        await dialogue.AddOrganisationAsync(Administrator, OrganisationKind.PartnerAgency, new Organisation("iom", "International Organization for Migration", "IOM", null));
        async Task<Caller> Member(Membership membership)
        {
            var email = NewEmail();
            await dialogue.AddMemberAsync(Administrator, Profile(email), membership);
            return new Caller((await fixture.Grains.GetGrain<IAccountGrain>(email).FindPersonAsync())!, false);
        }
        return new World(key,
            await Member(new Membership([DialogueRole.Secretariat])),
            await Member(new Membership([DialogueRole.FocalPoint, DialogueRole.Delegate], "MA")),
            await Member(new Membership([DialogueRole.Delegate], "MA")),
            await Member(new Membership([DialogueRole.FocalPoint], "TN")),
            await Member(new Membership([DialogueRole.Delegate], "TN")),
            await Member(new Membership([DialogueRole.FocalPoint], "EG")),
            await Member(new Membership([DialogueRole.Delegate], "MT")),
            await Member(new Membership([DialogueRole.Agency], OrganisationKey: "iom")));
    }

    private ExchangeRequest Request(World w, string state = "MA", string? expert = null) => new(
        state, expert ?? w.MaDelegate.PersonId, ExchangeKind.StudyVisit, Topic, "Learn how reintegration counselling is organised.",
        new DateOnly(2031, 3, 1), new DateOnly(2031, 4, 30), 3, [], "fr");

    [Fact]
    public async Task A_registry_is_kept_by_the_state_s_focal_points_on_the_dialogue_s_topics()
    {
        var w = await NewWorldAsync();
        var tunisia = fixture.Grains.GetGrain<IPriorityRegistryGrain>($"{w.Key}/TN");
        var offer = new PriorityInput(PriorityKind.Offer, Topic, "Reintegration counselling in Tunis.", ["fr", "ar"], [w.TnExpert.PersonId]);

        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => tunisia.AddAsync(w.TnExpert, offer, 0)));
        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => tunisia.AddAsync(w.MaFocal, offer, 0)));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => tunisia.AddAsync(w.TnFocal, offer with { Topic = "Space travel" }, 0)));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => tunisia.AddAsync(w.TnFocal, offer with { ContactExpertIds = [w.MaDelegate.PersonId] }, 0)));
        var added = await tunisia.AddAsync(w.TnFocal, offer, 0);
        Assert.Equal(ErrorCode.Conflict, await RefusalOf(() => tunisia.AddAsync(w.TnFocal, offer, 0)));
        Assert.Single(added.Priorities);
        Assert.True(added.ViewerMayEdit);
        Assert.False((await tunisia.GetAsync(w.Outsider)).ViewerMayEdit);
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => tunisia.GetAsync(new Caller("stranger", false))));
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => fixture.Grains.GetGrain<IPriorityRegistryGrain>($"{w.Key}/FR").GetAsync(w.Secretariat)));
    }

    [Fact]
    public async Task An_exchange_goes_through_every_step_in_order_each_by_whom_it_belongs_to()
    {
        var w = await NewWorldAsync();
        var exchange = fixture.Grains.GetGrain<IExpertExchangeGrain>($"{w.Key}/{Guid.NewGuid():N}");

        // Only someone who represents Morocco requests in its name.
        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => exchange.CreateAsync(w.TnFocal, Request(w))));
        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => exchange.CreateAsync(w.Agency, Request(w))));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => exchange.CreateAsync(w.MaDelegate, Request(w, expert: w.TnExpert.PersonId))));
        await exchange.CreateAsync(w.MaDelegate, Request(w));
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => exchange.GetAsync(w.Outsider)));

        // Skipping a step is refused; endorsing is for a focal point, not the drafter.
        Assert.Equal(ErrorCode.InvalidState, await RefusalOf(() => exchange.EndorseAsync(w.MaFocal)));
        await exchange.SubmitAsync(w.MaDelegate);
        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => exchange.EndorseAsync(w.MaDelegate)));
        Assert.Equal(ErrorCode.InvalidState, await RefusalOf(() => exchange.ApproveAsync(w.Secretariat, "TN")));
        await exchange.EndorseAsync(w.MaFocal);

        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => exchange.StartReviewAsync(w.MaFocal, [], null)));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => exchange.StartReviewAsync(w.Secretariat, ["iom"], null)));
        await exchange.StartReviewAsync(w.Secretariat, ["iom"], ClusterFixture.Clock.GetUtcNow().AddDays(10));
        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => exchange.GiveOpinionAsync(w.MaFocal, "Yes")));
        Assert.Single((await exchange.GiveOpinionAsync(w.Agency, "IOM supports the visit.")).Consultation!.Opinions);

        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => exchange.ApproveAsync(w.Secretariat, "MA")));
        await exchange.ApproveAsync(w.Secretariat, "TN");
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => exchange.ConfirmHostAsync(w.EgFocal, [w.TnExpert.PersonId]))); // not a party: invisible
        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => exchange.ConfirmHostAsync(w.TnExpert, [w.TnExpert.PersonId])));
        Assert.Equal(ErrorCode.Validation, await RefusalOf(() => exchange.ConfirmHostAsync(w.TnFocal, [w.MaDelegate.PersonId])));
        await exchange.ConfirmHostAsync(w.TnFocal, [w.TnExpert.PersonId]);
        Assert.Equal(ErrorCode.InvalidState, await RefusalOf(() => exchange.CompleteAsync(w.Secretariat)));

        var scheduled = await exchange.ScheduleAsync(w.Secretariat, new DateTime(2031, 3, 10, 9, 0, 0), "Africa/Tunis", "Tunis");
        var meeting = await fixture.Grains.GetGrain<Collaboration.Meetings.IMeetingGrain>(scheduled.MeetingId!).GetAsync(w.Secretariat);
        Assert.Equal((Meetings.MeetingStatus.Scheduled, Meetings.MeetingType.StudyVisit, "TN"), (meeting.Status, meeting.Details.Type, meeting.Details.HostCountry));
        Assert.Equal(new[] { w.MaDelegate.PersonId, w.TnExpert.PersonId }.Order(), meeting.Invitations.Select(i => i.Invitee.PersonId).Order());

        await exchange.CompleteAsync(w.Secretariat);
        Assert.Equal(ErrorCode.NotFound, await RefusalOf(() => exchange.EvaluateAsync(w.Outsider, 4, "Good")));
        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => exchange.EvaluateAsync(w.TnExpert, 4, "Good")));
        await exchange.EvaluateAsync(w.MaDelegate, 5, "Practical and well organised.");
        Assert.Equal(ErrorCode.Conflict, await RefusalOf(() => exchange.EvaluateAsync(w.MaFocal, 4, "Again")));
        var evaluated = await exchange.EvaluateAsync(w.TnFocal, 4, "A good exchange of practice.");

        Assert.Equal(ExchangeStatus.Evaluated, evaluated.Status);
        Assert.Equal(
            ["created", "submitted", "endorsed", "review-started", "opinion", "approved", "host-confirmed", "scheduled", "completed", "evaluated", "evaluated"],
            evaluated.AuditTrail.Select(a => a.Action));
    }

    [Fact]
    public async Task A_rejected_request_stays_rejected_with_its_reason()
    {
        var w = await NewWorldAsync();
        var exchange = fixture.Grains.GetGrain<IExpertExchangeGrain>($"{w.Key}/{Guid.NewGuid():N}");
        await exchange.CreateAsync(w.MaFocal, Request(w));
        await exchange.SubmitAsync(w.MaFocal);
        await exchange.EndorseAsync(w.MaFocal);
        await exchange.StartReviewAsync(w.Secretariat, [], null);
        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => exchange.RejectAsync(w.MaFocal, "No")));
        var rejected = await exchange.RejectAsync(w.Secretariat, "Out of the dialogue's priorities this year.");

        Assert.Equal((ExchangeStatus.Rejected, "Out of the dialogue's priorities this year."), (rejected.Status, rejected.RejectionReason));
        Assert.Equal(ErrorCode.InvalidState, await RefusalOf(() => exchange.ApproveAsync(w.Secretariat, "TN")));
    }

    [Fact]
    public async Task Host_suggestions_rank_offers_on_the_topic_by_language_and_past_exchanges_with_reasons()
    {
        var w = await NewWorldAsync();
        await fixture.Grains.GetGrain<IPriorityRegistryGrain>($"{w.Key}/TN").AddAsync(w.TnFocal, new PriorityInput(PriorityKind.Offer, Topic, "Counselling.", ["fr", "ar"], []), 0);
        await fixture.Grains.GetGrain<IPriorityRegistryGrain>($"{w.Key}/EG").AddAsync(w.EgFocal, new PriorityInput(PriorityKind.Offer, Topic, "Programmes.", ["ar", "en"], []), 0);
        await fixture.Grains.GetGrain<IPriorityRegistryGrain>($"{w.Key}/MT").AddAsync(w.Secretariat, new PriorityInput(PriorityKind.Need, Topic, "We need it too.", ["en"], []), 0);
        var exchange = fixture.Grains.GetGrain<IExpertExchangeGrain>($"{w.Key}/{Guid.NewGuid():N}");
        await exchange.CreateAsync(w.MaFocal, Request(w));

        Assert.Equal(ErrorCode.Forbidden, await RefusalOf(() => exchange.SuggestHostsAsync(w.MaFocal)));
        var suggestions = await exchange.SuggestHostsAsync(w.Secretariat);

        Assert.Equal(["TN", "EG"], suggestions.Select(s => s.PartnerStateCode));
        // 10 for the offer on the topic, 2 for the one need of the request's it meets (counselling), 3 for French.
        Assert.Equal(15, suggestions[0].Score);
        Assert.Contains("its offer meets 1 of the request's needs", suggestions[0].Reasons);
        Assert.Contains("its experts work in fr", suggestions[0].Reasons);
        Assert.Equal(["offers expertise on Return and reintegration"], suggestions[1].Reasons);
    }
}
