namespace Collaboration.Server.Hubs;

/// <summary>
/// What the meetings hub sends to a page that shows meetings: which meeting changed and its version, nothing
/// of its content. The page reads the meeting again through GraphQL, under the caller's own access.
/// </summary>
public interface IMeetingsClient
{
    Task MeetingChanged(string meetingId, int version);
}
