namespace Collaboration.Meetings;

/// <summary>The limits on uploaded meeting documents, checked by the host before storing and by the grain before listing.</summary>
public static class MeetingDocuments
{
    /// <summary>The largest file one upload may be: 25 MiB.</summary>
    public const long MaxSize = 25L * 1024 * 1024;

    /// <summary>The most documents one meeting may hold.</summary>
    public const int MaxPerMeeting = 200;

    /// <summary>The types a meeting document may have: office documents, PDF, plain text and images.</summary>
    public static IReadOnlySet<string> AllowedContentTypes { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "application/pdf",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.oasis.opendocument.text",
        "application/msword",
        "application/vnd.ms-powerpoint",
        "text/plain",
        "text/markdown",
        "image/png",
        "image/jpeg",
    };
}
