namespace Collaboration.Meetings;

/// <summary>Meeting grain keys are <c>{dialogueKey}/{meetingId}</c>: the dialogue a meeting belongs to is part of its identity.</summary>
public static class MeetingKey
{
    public static string Of(string dialogueKey, string meetingId) => $"{dialogueKey}/{meetingId}";

    public static string New(string dialogueKey) => Of(dialogueKey, Guid.CreateVersion7().ToString("N"));

    /// <summary>The dialogue key of a well-formed meeting key; null for anything else.</summary>
    public static string? DialogueOf(string? key)
    {
        if (key is null || key.Length > 100)
            return null;
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        return slash <= 0 || slash == key.Length - 1 || key.IndexOf('/', slash + 1) >= 0 ? null : key[..slash];
    }
}
