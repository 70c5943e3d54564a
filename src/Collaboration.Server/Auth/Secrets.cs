using System.Security.Cryptography;
using System.Text;

namespace Collaboration.Server.Auth;

/// <summary>Makes secrets and the hashes they are stored under.</summary>
public static class Secrets
{
    /// <summary>A new random secret of 256 bits, URL-safe, with an optional prefix that says what it is.</summary>
    public static string New(string prefix = "") =>
        prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The lower-case hex SHA-256 of a secret: the only form in which it is stored.</summary>
    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Whether a presented value can be a secret made by <see cref="New"/> (cheap checks before any lookup).</summary>
    public static bool IsPlausible(string? value) => value is { Length: >= 40 and <= 100 } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
