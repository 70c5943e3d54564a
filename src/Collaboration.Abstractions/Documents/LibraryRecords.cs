namespace Collaboration.Documents;

/// <summary>One file of a document version in one of the dialogue's working languages.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.library-variant")]
public sealed record LibraryVariant(
    [property: Id(0)] string Language,
    [property: Id(1)] string StorageKey,
    [property: Id(2)] string FileName,
    [property: Id(3)] string ContentType,
    [property: Id(4)] long Size,
    [property: Id(5)] DateTimeOffset AddedAt);

/// <summary>A numbered version (1, 2, …) of a library document: its files, one per language, in the order they were added.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.library-version")]
public sealed record LibraryVersion(
    [property: Id(0)] int Number,
    [property: Id(1)] IReadOnlyList<LibraryVariant> Variants,
    [property: Id(2)] DateTimeOffset StartedAt);

/// <summary>
/// A document of a dialogue's library (agenda, concept note, discussion guide, presentation, report…): its titles
/// in the working languages, who may read it, and its versions, the last of which is current. <see cref="Version"/>
/// grows with every change, for expected-version checks.
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.library-document")]
public sealed record LibraryDocument(
    [property: Id(0)] string Id,
    [property: Id(1)] DocumentKind Kind,
    [property: Id(2)] IReadOnlyList<LocalizedText> Titles,
    [property: Id(3)] MeetingVisibility Visibility,
    [property: Id(4)] IReadOnlyList<LibraryVersion> Versions,
    [property: Id(5)] int Version,
    [property: Id(6)] DateTimeOffset AddedAt)
{
    /// <summary>The current version: the last one, or null before the first file is added.</summary>
    public LibraryVersion? Current => Versions.Count == 0 ? null : Versions[^1];

    /// <summary>The title in a language, else the first title.</summary>
    public string TitleIn(string? language) =>
        (Titles.FirstOrDefault(t => t.Language == language) ?? Titles[0]).Text;
}

/// <summary>
/// What a new library document is, or (for an update) what changes: a null field stays as it is. Visibility is
/// DIALOGUE_MEMBERS or PUBLIC (a library has no participants).
/// </summary>
[GenerateSerializer, Immutable, Alias("collaboration.library-document-input")]
public sealed record LibraryDocumentInput(
    [property: Id(0)] DocumentKind? Kind,
    [property: Id(1)] IReadOnlyList<LocalizedText>? Titles,
    [property: Id(2)] MeetingVisibility? Visibility);

/// <summary>A stored file the host hands to the library to become a language variant.</summary>
[GenerateSerializer, Immutable, Alias("collaboration.library-file")]
public sealed record LibraryFile(
    [property: Id(0)] string Language,
    [property: Id(1)] string StorageKey,
    [property: Id(2)] string FileName,
    [property: Id(3)] string ContentType,
    [property: Id(4)] long Size);

/// <summary>The library's documents the caller may read, and whether the caller keeps the library (its secretariat).</summary>
[GenerateSerializer, Immutable, Alias("collaboration.library-view")]
public sealed record LibraryView(
    [property: Id(0)] string DialogueKey,
    [property: Id(1)] IReadOnlyList<LibraryDocument> Documents,
    [property: Id(2)] bool ViewerIsSecretariat,
    [property: Id(3)] IReadOnlyList<string> WorkingLanguages);

/// <summary>Which file a reader gets.</summary>
public static class LibraryLanguages
{
    /// <summary>
    /// The variant of a version for a reader asking for <paramref name="language"/>: that language's file; else the
    /// file in the language of the document's first title (the language it was written in); else the first file
    /// added. Null only for a version without files.
    /// </summary>
    public static LibraryVariant? Nearest(LibraryVersion? version, IReadOnlyList<LocalizedText> titles, string? language)
    {
        if (version is null || version.Variants.Count == 0)
            return null;
        return version.Variants.FirstOrDefault(v => v.Language == language)
            ?? (titles.Count > 0 ? version.Variants.FirstOrDefault(v => v.Language == titles[0].Language) : null)
            ?? version.Variants[0];
    }
}
