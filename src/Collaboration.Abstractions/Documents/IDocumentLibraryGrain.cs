namespace Collaboration.Documents;

/// <summary>
/// A dialogue's library of documents (keyed by the dialogue's key): the secretariat adds, edits and removes them
/// and their files; members read those for members; anyone reads public ones; to others a document does not exist.
/// </summary>
[Alias("collaboration.document-library-grain")]
public interface IDocumentLibraryGrain : IGrainWithStringKey
{
    /// <summary>The documents the caller (null: someone not signed in) may read, by kind then title.</summary>
    [Alias("list")]
    Task<LibraryView> ListAsync(Caller? caller);

    /// <summary>One document the caller may read; NOT_FOUND for one they may not.</summary>
    [Alias("get")]
    Task<LibraryDocument> GetAsync(Caller? caller, string documentId);

    /// <summary>Adds a document without files yet (the secretariat): a kind, a title in at least one working language, a visibility.</summary>
    [Alias("add")]
    Task<LibraryDocument> AddAsync(Caller caller, LibraryDocumentInput document, string? idempotencyKey = null);

    /// <summary>Changes a document's kind, titles or visibility at the version read (the secretariat); CONFLICT when stale.</summary>
    [Alias("update")]
    Task<LibraryDocument> UpdateAsync(Caller caller, string documentId, int expectedVersion, LibraryDocumentInput changes);

    /// <summary>
    /// Removes a document and all its versions at the version read (the secretariat); answers the storage keys it held.
    /// The meetings that list it are told to take it off their documents (one-way), so no page links to nothing.
    /// </summary>
    [Alias("remove")]
    Task<IReadOnlyList<string>> RemoveAsync(Caller caller, string documentId, int expectedVersion);

    /// <summary>
    /// Adds a file in one working language (the secretariat): to the current version, replacing that language's file
    /// there, or, with <paramref name="newVersion"/>, as the first file of a new version. CONFLICT when
    /// <paramref name="expectedVersion"/> is given and stale.
    /// </summary>
    [Alias("add-variant")]
    Task<LibraryDocument> AddVariantAsync(Caller caller, string documentId, LibraryFile file, bool newVersion, int? expectedVersion = null);

    /// <summary>
    /// A meeting lists the document, which the caller may read (NOT_FOUND otherwise): the library remembers it, to tell
    /// the meeting if the document is removed. For the meeting grain, which has checked that the caller manages its
    /// documents; not for transports.
    /// </summary>
    [Alias("listed-by-meeting")]
    Task<LibraryDocument> ListedByMeetingAsync(Caller caller, string documentId, string meetingId);

    /// <summary>One-way, from a meeting that took the document off its list: the library forgets that it listed it.</summary>
    [Alias("unlisted-by-meeting"), Orleans.Concurrency.OneWay]
    Task UnlistedByMeetingAsync(string documentId, string meetingId);
}
