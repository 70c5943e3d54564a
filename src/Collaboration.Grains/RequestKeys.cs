using System.Security.Cryptography;
using System.Text;

namespace Collaboration;

/// <summary>
/// Idempotency keys of requests that create something: a client sends a new random key with each such
/// request, and sends the same key again when it retries after losing the answer. The grain records the key
/// (scoped to the caller) in the same write as what it created, so a retry answers what the first request
/// made instead of making it twice.
/// </summary>
public static class RequestKeys
{
    /// <summary>How many keys a grain remembers; a retry comes within seconds, long before this many creations.</summary>
    public const int Remembered = 200;

    /// <summary>The key scoped to its caller, or null when the request carries none. VALIDATION for a malformed key.</summary>
    public static string? Scoped(Caller caller, string? key)
    {
        if (key is null)
            return null;
        if (key.Length is 0 or > 100 || !key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':'))
            throw CollaborationException.Validation("An idempotency key is 1 to 100 letters, digits, '-', '_', '.' or ':' (a new random UUID per request).", "idempotencyKey");
        return caller.PersonId + "|" + key;
    }

    /// <summary>Whether this grain already did the request the key names.</summary>
    public static bool Done(IReadOnlyCollection<string> remembered, string? scoped) => scoped is not null && remembered.Contains(scoped);

    /// <summary>Records the request with the change it made (to be written together), forgetting the oldest beyond <see cref="Remembered"/>.</summary>
    public static void Remember(List<string> remembered, string? scoped)
    {
        if (scoped is null)
            return;
        remembered.Add(scoped);
        if (remembered.Count > Remembered)
            remembered.RemoveRange(0, remembered.Count - Remembered);
    }

    /// <summary>
    /// The id of a new grain for a request with a key: the same key from the same caller names the same grain,
    /// so a retry reaches what the first request created; without a key, a fresh id.
    /// </summary>
    public static string NewId(Caller caller, string? key) =>
        key is null
            ? Guid.CreateVersion7().ToString("N")
            : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Scoped(caller, key)!)).AsSpan(0, 16));
}
