namespace Collaboration.Server.Hubs;

/// <summary>What the notes hub sends to browsers. Payloads never say who did something, only what.</summary>
public interface INotesClient
{
    /// <summary>How many live connections follow the meeting now.</summary>
    Task PresenceChanged(string meetingId, int count);
}
