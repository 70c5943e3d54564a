namespace Collaboration.Meetings;

/// <summary>Meeting grain keys are <c>{dialogueKey}/{meetingId}</c>: the dialogue a meeting belongs to is part of its identity.</summary>
public static class MeetingKey
{
    public static string Of(string dialogueKey, string meetingId) => $"{dialogueKey}/{meetingId}";

    public static string New(string dialogueKey) => Of(dialogueKey, Guid.CreateVersion7().ToString("N"));

    /// <summary>
    /// The dialogue key of a well-formed meeting key; null for anything else. A part that is only white space
    /// is not well formed: Orleans refuses such a grain key with an ArgumentException, which callers would
    /// otherwise answer as an unexpected error rather than as bad input.
    /// </summary>
    public static string? DialogueOf(string? key)
    {
        if (key is null || key.Length > 100)
            return null;
        var slash = key.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0 || slash == key.Length - 1 || key.IndexOf('/', slash + 1) >= 0)
            return null;
        return string.IsNullOrWhiteSpace(key[..slash]) || string.IsNullOrWhiteSpace(key[(slash + 1)..]) ? null : key[..slash];
    }
}
