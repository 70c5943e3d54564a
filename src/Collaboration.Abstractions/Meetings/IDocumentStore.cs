namespace Collaboration.Meetings;

/// <summary>Where uploaded meeting documents are kept (files under <c>data/</c> in the embedded profile).</summary>
public interface IDocumentStore
{
    /// <summary>Stores the content and returns the key to read it back with.</summary>
    Task<string> SaveAsync(Stream content, CancellationToken cancellationToken = default);

    /// <summary>The content stored under a key, or null when there is none.</summary>
    Stream? Open(string storageKey);

    /// <summary>Removes stored content; nothing happens when the key is unknown.</summary>
    void Delete(string storageKey);
}
