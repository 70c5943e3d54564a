using Collaboration.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Server.Hubs;

/// <summary>
/// Live meeting pages and lists. A signed-in member (or the secretariat, or an administrator) follows a
/// dialogue and hears, for each meeting of it that they may see, that it changed. Anyone else is told the
/// dialogue does not exist (NOT_FOUND), as GraphQL tells them. The hub translates: the catalog grain holds the rule.
/// </summary>
[Authorize(AuthenticationSchemes = CollaborationAuthenticationHandler.SchemeName)]
public sealed class MeetingsHub(IGrainFactory grains, MeetingsRelay relay) : Hub<IMeetingsClient>
{
    public const string Path = "/hubs/meetings";

    /// <summary>The most dialogues one connection follows: a person belongs to a handful.</summary>
    public const int MaxFollowed = 50;

    /// <summary>Follows the meeting changes of a dialogue the caller belongs to.</summary>
    public async Task FollowDialogue(string dialogueKey)
    {
        var caller = Context.User.RequireHubCaller();
        await NotesHub.Refusing(async () =>
        {
            Validate.Key(dialogueKey, "dialogueKey");
            await grains.GetGrain<IMeetingCatalogGrain>(dialogueKey).CheckFollowerAsync(caller);
            return true;
        });
        if (!Followed.Contains(dialogueKey) && Followed.Count >= MaxFollowed)
            throw new HubException($"VALIDATION: A connection follows at most {MaxFollowed} dialogues.");
        Followed.Add(dialogueKey);
        await relay.FollowAsync(dialogueKey, Context.ConnectionId, caller);
    }

    /// <summary>Stops following a dialogue's meeting changes.</summary>
    public async Task UnfollowDialogue(string dialogueKey)
    {
        if (Followed.Remove(dialogueKey))
            await relay.UnfollowAsync(dialogueKey, Context.ConnectionId);
    }

    public override Task OnConnectedAsync()
    {
        Telemetry.CollaborationMetrics.HubConnections.Add(1);
        return base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        Telemetry.CollaborationMetrics.HubConnections.Add(-1);
        foreach (var dialogueKey in Followed.ToList())
            await relay.UnfollowAsync(dialogueKey, Context.ConnectionId);
        Followed.Clear();
        await base.OnDisconnectedAsync(exception);
    }

    private HashSet<string> Followed
    {
        get
        {
            if (Context.Items.TryGetValue(nameof(Followed), out var value) && value is HashSet<string> set)
                return set;
            var created = new HashSet<string>(StringComparer.Ordinal);
            Context.Items[nameof(Followed)] = created;
            return created;
        }
    }
}
