namespace Collaboration.Server.Tests;

/// <summary>
/// Inviting partner states as the tests did before states nominated their delegations: the secretariat invites each
/// state, then nominates all its delegates and focal points on its behalf, so each of them is invited.
/// </summary>
public static class StateInvitations
{
    /// <summary>Invites the states and nominates everyone who represents them; answers the invitation's response (its warnings).</summary>
    public static async Task<GraphQLResponse> InviteStatesAsync(HttpClient secretariat, string meetingId, params string[] codes)
    {
        var invited = await MeetingWorld.ChangeAsync(secretariat, "inviteToMeeting(id: $id, targets: $t)", "($id: ID!, $t: [InvitationTargetInput!]!)",
            new { id = meetingId, t = codes.Select(code => new { partnerStateCode = code, places = 50 }).ToArray() });
        invited.EnsureNoErrors();
        await NominateAllAsync(secretariat, meetingId, codes);
        return invited;
    }

    /// <summary>Nominates every delegate and focal point of each state (already invited as a state) on its behalf.</summary>
    public static async Task NominateAllAsync(HttpClient secretariat, string meetingId, params string[] codes)
    {
        var key = meetingId[..meetingId.IndexOf('/', StringComparison.Ordinal)];
        var members = (await secretariat.GraphQLAsync("query($k: String!) { dialogue(key: $k) { members { personId partnerStateCode roles } } }", new { k = key }))
            .EnsureNoErrors().Data("dialogue", "members").AsArray();
        foreach (var code in codes)
        {
            var ids = members
                .Where(m => m!["partnerStateCode"]?.GetValue<string>() == code
                    && m["roles"]!.AsArray().Any(r => r!.GetValue<string>() is "DELEGATE" or "FOCAL_POINT"))
                .Select(m => m!["personId"]!.GetValue<string>())
                .ToArray();
            if (ids.Length == 0)
                continue;
            (await MeetingWorld.ChangeAsync(secretariat, "nominateDelegates(id: $id, partnerStateCode: $c, personIds: $p)", "($id: ID!, $c: String!, $p: [ID!])",
                new { id = meetingId, c = code, p = ids })).EnsureNoErrors();
        }
    }
}
