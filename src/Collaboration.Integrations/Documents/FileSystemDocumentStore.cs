using Collaboration.Meetings;

namespace Collaboration.Integrations.Documents;

/// <summary>
/// Keeps uploaded documents as files under one folder (by default <c>data/documents</c>), one file per
/// upload under a random key. A file appears whole: it is written aside and then moved into place.
/// </summary>
public sealed class FileSystemDocumentStore(DocumentStoreOptions options) : IDocumentStore
{
    public async Task<string> SaveAsync(Stream content, CancellationToken cancellationToken = default)
    {
        var key = Guid.CreateVersion7().ToString("N");
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".uploading";
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(file, cancellationToken);
            await file.FlushAsync(cancellationToken);
            file.Flush(flushToDisk: true);
        }
        File.Move(temporary, path);
        return key;
    }

    public Stream? Open(string storageKey)
    {
        var path = PathOf(storageKey);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public void Delete(string storageKey)
    {
        var path = PathOf(storageKey);
        if (File.Exists(path))
            File.Delete(path);
    }

    private string PathOf(string key)
    {
        if (key.Length != 32 || !key.All(char.IsAsciiHexDigitLower))
            throw new ArgumentException("Not a document key.", nameof(key));
        return Path.Combine(options.Directory, key[..2], key);
    }
}

public sealed class DocumentStoreOptions
{
    public string Directory { get; set; } = Path.Combine("data", "documents");
}
