using Collaboration.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Server.Hubs;

/// <summary>
/// The live channel of a meeting. Callers join a meeting's group and learn how many follow it. The meeting
/// decides who may follow it live (its secretariat, co-chairs and rapporteurs, and its participants when it
/// allows live notes); anyone else is told it does not exist.
/// </summary>
[Authorize(AuthenticationSchemes = CollaborationAuthenticationHandler.SchemeName)]
public sealed class NotesHub(IGrainFactory grains) : Hub<INotesClient>
{
    public const string Path = "/hubs/notes";

    /// <summary>Joins the meeting's live group; returns how many connections follow it now.</summary>
    public async Task<int> JoinMeeting(string meetingId)
    {
        var caller = Context.User.RequireHubCaller();
        if (MeetingKey.DialogueOf(meetingId) is null)
            throw new HubException($"VALIDATION: '{meetingId}' is not a meeting id (dialogue/meeting).");
        bool mayFollow;
        try
        {
            mayFollow = await grains.GetGrain<IMeetingGrain>(meetingId).CanFollowAsync(caller);
        }
        catch (CollaborationException e)
        {
            throw new HubException($"{e.Code.ToWireName()}: {e.Message}");
        }
        if (!mayFollow)
            throw new HubException($"FORBIDDEN: The meeting '{meetingId}' does not let participants follow its notes live.");

        await Groups.AddToGroupAsync(Context.ConnectionId, Group(meetingId));
        Joined.Add(meetingId);
        var count = await grains.GetGrain<IMeetingPresenceGrain>(meetingId).JoinAsync(Context.ConnectionId);
        await Clients.Group(Group(meetingId)).PresenceChanged(meetingId, count);
        return count;
    }

    /// <summary>Leaves the meeting's live group.</summary>
    public async Task LeaveMeeting(string meetingId)
    {
        if (Joined.Remove(meetingId))
            await LeaveAsync(meetingId);
    }

    /// <summary>How many connections follow a meeting the caller has joined.</summary>
    public async Task<int> GetPresence(string meetingId)
    {
        if (!Joined.Contains(meetingId))
            throw new HubException($"INVALID_STATE: Join the meeting '{meetingId}' before asking who follows it.");
        return await grains.GetGrain<IMeetingPresenceGrain>(meetingId).GetCountAsync();
    }

    public override Task OnConnectedAsync()
    {
        Telemetry.CollaborationMetrics.HubConnections.Add(1);
        return base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        Telemetry.CollaborationMetrics.HubConnections.Add(-1);
        foreach (var meetingId in Joined.ToList())
            await LeaveAsync(meetingId);
        Joined.Clear();
        await base.OnDisconnectedAsync(exception);
    }

    private async Task LeaveAsync(string meetingId)
    {
        await Groups.RemoveFromGroupAsync(Context.ConnectionId, Group(meetingId));
        var count = await grains.GetGrain<IMeetingPresenceGrain>(meetingId).LeaveAsync(Context.ConnectionId);
        await Clients.Group(Group(meetingId)).PresenceChanged(meetingId, count);
    }

    private HashSet<string> Joined
    {
        get
        {
            if (Context.Items.TryGetValue(nameof(Joined), out var value) && value is HashSet<string> set)
                return set;
            var created = new HashSet<string>(StringComparer.Ordinal);
            Context.Items[nameof(Joined)] = created;
            return created;
        }
    }

    private static string Group(string meetingId) => "meeting:" + meetingId;
}

internal static class HubCallerExtensions
{
    public static Caller RequireHubCaller(this System.Security.Claims.ClaimsPrincipal? user) =>
        user.ToCaller() ?? throw new HubException("UNAUTHENTICATED: Sign in first.");
}
