using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace ConseillersEntreprises.Core.Partners;

/// <summary>
/// The secret of a partner's API key: <c>cep_</c> + 32 random bytes in base64url (256 bits), shown once when issued.
/// Only its SHA-256 is stored. A slow password hash (PBKDF2, Argon2) would add nothing: those slow down guessing a
/// low-entropy secret a person chose; nobody can enumerate 2^256 random keys, so one SHA-256 is as strong as the key and
/// keeps the check of every partner call a single point read.
/// </summary>
public static class PartnerKeySecret
{
    /// <summary>Recognisable in logs and by secret scanners: "Conseillers-Entreprises partner".</summary>
    public const string Prefix = "cep_";

    public const int RandomBytes = 32;

    /// <summary>The length of a key as issued: the prefix and 43 base64url characters.</summary>
    public static readonly int Length = Prefix.Length + Base64Url.GetEncodedLength(RandomBytes);

    public static string Generate() => Prefix + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(RandomBytes));

    /// <summary>The stored form of a key: SHA-256 of its text, lower-case hex (what a lookup compares).</summary>
    public static string Hash(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
    }

    /// <summary>Whether <paramref name="candidate"/> has the shape of a key (checked before any storage read).</summary>
    public static bool HasKeyShape(string? candidate) =>
        candidate is not null
        && candidate.Length == Length
        && candidate.StartsWith(Prefix, StringComparison.Ordinal)
        && candidate.AsSpan(Prefix.Length).IndexOfAnyExcept(Base64UrlCharacters) < 0;

    private static readonly SearchValues<char> Base64UrlCharacters =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
}
