namespace Collaboration.Server.Tests;

/// <summary>The registry of priorities and expert exchanges through GraphQL, with the refusals the issue names.</summary>
[Collection(ApiCollection.Name)]
public sealed class ExpertExchangeApiTests(CollaborationFactory factory)
{
    private const string Fields = "id status requestingStateCode hostStateCode rejectionReason auditTrail { action }";

    [Fact]
    public async Task A_request_is_endorsed_by_a_focal_point_matched_from_the_registries_and_rejected_with_a_reason()
    {
        var world = await MeetingWorld.CreateAsync(factory);
        var egypt = await world.AsAsync("eg1");
        var focalPoint = await world.AsAsync("ma1");
        var drafter = await world.AsAsync("ma2");

        // Egypt offers expertise on the topic (its registry is kept by the secretariat here).
        (await world.Administrator.GraphQLAsync(
            "mutation($k: String!, $p: PriorityInput!) { addPriority(key: $k, partnerStateCode: \"EG\", priority: $p, expectedVersion: 0) { version } }",
            new { k = world.Key, p = new { kind = "OFFER", topic = "Return and reintegration", description = "Reintegration counselling.", languages = new[] { "ar", "fr" } } })).EnsureNoErrors();
        var unknownTopic = await world.Administrator.GraphQLAsync(
            "mutation($k: String!, $p: PriorityInput!) { addPriority(key: $k, partnerStateCode: \"EG\", priority: $p, expectedVersion: 1) { version } }",
            new { k = world.Key, p = new { kind = "NEED", topic = "Space travel", description = "?" } });
        Assert.Equal(("VALIDATION", "UNKNOWN_TOPIC"), (unknownTopic.Code, unknownTopic.Errors[0]!["extensions"]!["reason"]!.GetValue<string>()));

        const string Request = "mutation($k: String!, $r: ExchangeRequestInput!) { requestExpertExchange(key: $k, request: $r) { " + Fields + " } }";
        var request = new
        {
            requestingStateCode = "MA", requestingExpertId = world.People["ma2"], kind = "STUDY_VISIT", topic = "Return and reintegration",
            objectives = "See reintegration counselling at work.", preferredFrom = "2031-03-01", preferredTo = "2031-04-30", durationDays = 3, language = "fr",
        };
        // Egypt's delegate cannot request in Morocco's name.
        Assert.Equal("FORBIDDEN", (await egypt.GraphQLAsync(Request, new { k = world.Key, r = request })).Code);
        var id = (await drafter.GraphQLAsync(Request, new { k = world.Key, r = request })).EnsureNoErrors().Data("requestExpertExchange", "id").GetValue<string>();

        string Step(string name, string arguments = "") => $"mutation($id: ID!) {{ {name}(id: $id{arguments}) {{ {Fields} }} }}";
        Assert.Equal("INVALID_STATE", (await focalPoint.GraphQLAsync(Step("endorseExpertExchange"), new { id })).Code);
        (await drafter.GraphQLAsync(Step("submitExpertExchange"), new { id })).EnsureNoErrors();
        Assert.Equal("FORBIDDEN", (await drafter.GraphQLAsync(Step("endorseExpertExchange"), new { id })).Code);
        (await focalPoint.GraphQLAsync(Step("endorseExpertExchange"), new { id })).EnsureNoErrors();
        Assert.Equal("NOT_FOUND", (await egypt.GraphQLAsync($"query($id: ID!) {{ expertExchange(id: $id) {{ id }} }}", new { id })).Code);
        (await world.Administrator.GraphQLAsync(Step("reviewExpertExchange"), new { id })).EnsureNoErrors();

        var hosts = (await world.Administrator.GraphQLAsync("query($id: ID!) { suggestExchangeHosts(id: $id) { partnerStateCode score reasons } }", new { id }))
            .EnsureNoErrors().Data("suggestExchangeHosts").AsArray();
        var first = Assert.Single(hosts)!;
        Assert.Equal("EG", first["partnerStateCode"]!.GetValue<string>());
        Assert.Contains("its experts work in fr", first["reasons"]!.AsArray().Select(r => r!.GetValue<string>()));

        var rejected = (await world.Administrator.GraphQLAsync("mutation($id: ID!) { rejectExpertExchange(id: $id, reason: \"Postponed to next year.\") { " + Fields + " } }", new { id }))
            .EnsureNoErrors().Data("rejectExpertExchange");
        Assert.Equal(("REJECTED", "Postponed to next year."), (rejected["status"]!.GetValue<string>(), rejected["rejectionReason"]!.GetValue<string>()));
        Assert.Equal(["created", "submitted", "endorsed", "review-started", "rejected"], rejected["auditTrail"]!.AsArray().Select(a => a!["action"]!.GetValue<string>()));
        var mine = (await focalPoint.GraphQLAsync("query($k: String!) { expertExchanges(key: $k) { id } }", new { k = world.Key })).EnsureNoErrors().Data("expertExchanges").AsArray();
        Assert.Single(mine);
        Assert.Empty((await egypt.GraphQLAsync("query($k: String!) { expertExchanges(key: $k) { id } }", new { k = world.Key })).EnsureNoErrors().Data("expertExchanges").AsArray());
    }
}
