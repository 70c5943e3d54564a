using Collaboration.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Collaboration.Server.Hubs;

/// <summary>
/// The live notes of meetings. Viewers join a meeting and receive its changes; note-takers (the dialogue's
/// secretariat, the meeting's co-chairs and rapporteurs) check, append, edit, delete and review entries, say
/// which entry they are editing and close sessions; co-chairs approve the notes and the secretariat reopens
/// them. The hub translates: the notes grain holds the rules, and the caller's identity goes to it for the
/// check and nowhere else. A refused call answers a HubException whose message starts with the error code
/// (and, for a refusal a client can explain in its own words, "/" and the reason key: "INVALID_STATE/SESSION_CLOSED: …");
/// the connection stays.
/// </summary>
[Authorize(AuthenticationSchemes = CollaborationAuthenticationHandler.SchemeName)]
public sealed class NotesHub(IGrainFactory grains, NotesRelay relay) : Hub<INotesClient>
{
    public const string Path = "/hubs/notes";

    /// <summary>
    /// Joins a meeting's live notes and answers the entries changed after <paramref name="afterChange"/>
    /// (0 for all), in order. Events that arrive while joining may repeat what the answer holds: a client
    /// keeps the highest change number it saw and ignores anything not newer.
    /// </summary>
    public async Task<NotesJoined> JoinMeeting(string meetingId, long afterChange = 0)
    {
        var caller = Context.User.RequireHubCaller();
        CheckId(meetingId);
        var follower = await Refusing(() => grains.GetGrain<IMeetingGrain>(meetingId).GetNotesFollowerAsync(caller));
        if (follower == NotesFollower.None)
            throw new HubException($"FORBIDDEN: The meeting '{meetingId}' does not let participants follow its notes live.");

        // Listen first, then read: nothing written in between is missed.
        Joined.Add(meetingId);
        await relay.FollowAsync(meetingId, Context.ConnectionId, caller, follower);
        var snapshot = await Refusing(() => Notes(meetingId).JoinAsync(caller, afterChange));
        var presence = await grains.GetGrain<IMeetingPresenceGrain>(meetingId).JoinAsync(Context.ConnectionId, snapshot.MayWrite);
        await Notes(meetingId).AnnouncePresenceAsync(presence.Following, presence.NoteTakers);
        return new NotesJoined(
            snapshot.Entries, snapshot.LastChange, snapshot.Finalized, snapshot.MayWrite, presence.Following, presence.NoteTakers,
            snapshot.SignOff, snapshot.Access, NotesGrain.MaxTextLength);
    }

    /// <summary>Leaves a meeting's live notes.</summary>
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
        return (await grains.GetGrain<IMeetingPresenceGrain>(meetingId).GetAsync()).Following;
    }

    /// <summary>Checks a text for attribution while it is typed: findings, rewording, whether "not attribution" is allowed. Stores and logs nothing.</summary>
    public Task<AttributionCheckResult> CheckEntry(string meetingId, string text) =>
        Refusing(() => Notes(CheckId(meetingId)).CheckAsync(Context.User.RequireHubCaller(), new NoteText(text)));

    /// <summary>
    /// Appends an entry; <paramref name="clientId"/> is a new random id per entry, so a retry never doubles it.
    /// With <paramref name="notAttribution"/> the writer says the guard is wrong about this text.
    /// </summary>
    public Task<NoteResult> AppendEntry(string meetingId, Guid clientId, string sessionId, string text, bool notAttribution) =>
        Refusing(() => Notes(CheckId(meetingId)).AppendAsync(Context.User.RequireHubCaller(), clientId, sessionId, new NoteText(text), notAttribution));

    /// <summary>Edits an entry at the version seen; a stale version answers CONFLICT with the current entry.</summary>
    public Task<NoteResult> EditEntry(string meetingId, long seq, int expectedVersion, string text, bool notAttribution) =>
        Refusing(() => Notes(CheckId(meetingId)).EditAsync(Context.User.RequireHubCaller(), seq, expectedVersion, new NoteText(text), notAttribution));

    /// <summary>Deletes an entry at the version seen; a stale version answers CONFLICT with the current entry.</summary>
    public Task<NoteResult> DeleteEntry(string meetingId, long seq, int expectedVersion) =>
        Refusing(() => Notes(CheckId(meetingId)).DeleteAsync(Context.User.RequireHubCaller(), seq, expectedVersion));

    /// <summary>Confirms an entry marked "not attribution", at the version seen: readers receive it from then on.</summary>
    public Task<NoteResult> ReviewEntry(string meetingId, long seq, int expectedVersion) =>
        Refusing(() => Notes(CheckId(meetingId)).ReviewAsync(Context.User.RequireHubCaller(), seq, expectedVersion));

    /// <summary>Tells viewers an entry is being edited.</summary>
    public Task StartEditing(string meetingId, long seq) =>
        Refusing(async () => { await Notes(CheckId(meetingId)).SetEditingAsync(Context.User.RequireHubCaller(), seq, true); return true; });

    /// <summary>Tells viewers an entry is no longer being edited.</summary>
    public Task StopEditing(string meetingId, long seq) =>
        Refusing(async () => { await Notes(CheckId(meetingId)).SetEditingAsync(Context.User.RequireHubCaller(), seq, false); return true; });

    /// <summary>Closes a working session's notes.</summary>
    public Task<NotesStanding> CloseSession(string meetingId, string sessionId) =>
        Refusing(() => Notes(CheckId(meetingId)).CloseSessionAsync(Context.User.RequireHubCaller(), sessionId));

    /// <summary>Reopens a closed working session; approvals lapse.</summary>
    public Task<NotesStanding> ReopenSession(string meetingId, string sessionId) =>
        Refusing(() => Notes(CheckId(meetingId)).ReopenSessionAsync(Context.User.RequireHubCaller(), sessionId));

    /// <summary>A co-chair approves the notes as they stand; the last approval needed makes them final.</summary>
    public Task<NotesStanding> ApproveNotes(string meetingId) =>
        Refusing(() => Notes(CheckId(meetingId)).ApproveAsync(Context.User.RequireHubCaller()));

    /// <summary>The secretariat reopens final notes, with a reason for the administrative audit.</summary>
    public Task<NotesStanding> ReopenNotes(string meetingId, string reason) =>
        Refusing(() => Notes(CheckId(meetingId)).ReopenAsync(Context.User.RequireHubCaller(), reason));

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
        await relay.UnfollowAsync(meetingId, Context.ConnectionId);
        var presence = await grains.GetGrain<IMeetingPresenceGrain>(meetingId).LeaveAsync(Context.ConnectionId);
        await Notes(meetingId).AnnouncePresenceAsync(presence.Following, presence.NoteTakers);
    }

    private INotesGrain Notes(string meetingId) => grains.GetGrain<INotesGrain>(meetingId);

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

    private static string CheckId(string meetingId) =>
        MeetingKey.DialogueOf(meetingId) is null
            ? throw new HubException($"VALIDATION: '{meetingId}' is not a meeting id (dialogue/meeting).")
            : meetingId;

    /// <summary>Runs a grain call and turns a rule's refusal into a HubException the client can read.</summary>
    internal static async Task<T> Refusing<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (CollaborationException e)
        {
            throw new HubException(e.Reason is null ? $"{e.Code.ToWireName()}: {e.Message}" : $"{e.Code.ToWireName()}/{e.Reason}: {e.Message}");
        }
        catch (Exception e) when (e is SiloUnavailableException or Orleans.Runtime.OrleansMessageRejectionException or TimeoutException)
        {
            // A silo went away and the cluster has not moved its grains yet: a moment later the call works.
            throw new HubException("UNAVAILABLE: The server is recovering from the loss of a silo; try again in a moment.");
        }
    }
}

internal static class HubCallerExtensions
{
    public static Caller RequireHubCaller(this System.Security.Claims.ClaimsPrincipal? user) =>
        user.ToCaller() ?? throw new HubException("UNAUTHENTICATED: Sign in first.");
}
