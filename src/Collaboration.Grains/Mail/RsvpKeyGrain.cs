using System.Security.Cryptography;
using System.Text;

namespace Collaboration.Mail;

[GenerateSerializer, Alias("collaboration.rsvp-key-state")]
public sealed class RsvpKeyState
{
    [Id(0)] public byte[]? Key { get; set; }
}

/// <summary>Makes the RSVP signing key once and keeps it.</summary>
public sealed class RsvpKeyGrain([PersistentState("rsvp-key", StorageNames.Grains)] IPersistentState<RsvpKeyState> state) : Grain, IRsvpKeyGrain
{
    public async Task<byte[]> GetKeyAsync()
    {
        if (state.State.Key is null)
        {
            state.State.Key = RandomNumberGenerator.GetBytes(32);
            await state.WriteOrForgetAsync();
        }
        return state.State.Key;
    }
}

/// <summary>
/// RSVP tokens: <c>meeting|person|expiry</c>, signed with HMAC-SHA256. The response is chosen by the link;
/// the token only proves which invitee of which meeting it belongs to, until when.
/// </summary>
public static class RsvpToken
{
    public static string Sign(byte[] key, string meetingId, string personId, DateTimeOffset expires)
    {
        var payload = Encoding.UTF8.GetBytes($"{meetingId}|{personId}|{expires.ToUnixTimeSeconds()}");
        return $"{Base64Url(payload)}.{Base64Url(HMACSHA256.HashData(key, payload))}";
    }

    /// <summary>The meeting and person a token names, when its signature holds and it has not expired.</summary>
    public static (string MeetingId, string PersonId) Verify(byte[] key, string? token, DateTimeOffset now)
    {
        var parts = token?.Split('.') ?? [];
        byte[] payload, signature;
        try
        {
            if (parts.Length != 2 || token!.Length > 600)
                throw new FormatException();
            payload = FromBase64Url(parts[0]);
            signature = FromBase64Url(parts[1]);
        }
        catch (FormatException)
        {
            throw CollaborationException.Unauthenticated("This answer link is damaged: open it from the invitation again.");
        }
        if (!CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(key, payload)))
            throw CollaborationException.Unauthenticated("This answer link is not one the secretariat sent: it was altered or forged.");
        var fields = Encoding.UTF8.GetString(payload).Split('|');
        if (fields.Length != 3 || !long.TryParse(fields[2], out var seconds))
            throw CollaborationException.Unauthenticated("This answer link is damaged: open it from the invitation again.");
        if (DateTimeOffset.FromUnixTimeSeconds(seconds) < now)
            throw CollaborationException.Unauthenticated("This answer link has expired: the meeting is over.");
        return (fields[0], fields[1]);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static byte[] FromBase64Url(string text)
    {
        var padded = text.Replace('-', '+').Replace('_', '/');
        return Convert.FromBase64String(padded.PadRight(padded.Length + (4 - padded.Length % 4) % 4, '='));
    }
}
