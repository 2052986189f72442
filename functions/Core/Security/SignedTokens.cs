using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace ConseillersEntreprises.Core.Security;

/// <summary>
/// Issues and checks the tokens carried by signed links: <c>kid.payload.signature</c>, payload and signature in
/// base64url, signature = HMAC-SHA256(key[kid], "kid.payload"). The first key signs; every key verifies, so a key
/// can be rotated in (added second, then moved first) and out (removed once its links have expired).
/// Time is a parameter: this type never reads the clock.
/// </summary>
public sealed class SignedTokens
{
    private readonly SigningKey[] _keys;

    public SignedTokens(IEnumerable<SigningKey> keys)
    {
        ArgumentNullException.ThrowIfNull(keys);
        _keys = [.. keys];
        if (_keys.Length == 0)
        {
            throw new ArgumentException("At least one signing key is required.", nameof(keys));
        }

        if (_keys.Select(k => k.Id).Distinct(StringComparer.Ordinal).Count() != _keys.Length)
        {
            throw new ArgumentException("Signing key ids must be unique.", nameof(keys));
        }
    }

    public string Issue(TokenClaims claims)
    {
        ArgumentNullException.ThrowIfNull(claims);
        var key = _keys[0];
        var payload = new Payload(claims.Audience, claims.Subject, claims.ExpiresAt.ToUnixTimeSeconds());
        var payloadPart = Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload, PayloadJson.Default.Payload));
        var signed = key.Id + "." + payloadPart;
        return signed + "." + Base64Url.EncodeToString(Sign(key, signed));
    }

    public TokenValidation Validate(string? token, string expectedAudience, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2048)
        {
            return new(TokenStatus.Malformed, null);
        }

        var firstDot = token.IndexOf('.', StringComparison.Ordinal);
        var lastDot = token.LastIndexOf('.');
        if (firstDot <= 0 || lastDot <= firstDot + 1 || lastDot == token.Length - 1)
        {
            return new(TokenStatus.Malformed, null);
        }

        var keyId = token[..firstDot];
        var key = Array.Find(_keys, k => string.Equals(k.Id, keyId, StringComparison.Ordinal));
        if (key is null)
        {
            return new(TokenStatus.UnknownKey, null);
        }

        byte[] signature;
        byte[] payloadBytes;
        try
        {
            signature = Base64Url.DecodeFromChars(token.AsSpan(lastDot + 1));
            payloadBytes = Base64Url.DecodeFromChars(token.AsSpan(firstDot + 1, lastDot - firstDot - 1));
        }
        catch (FormatException)
        {
            return new(TokenStatus.Malformed, null);
        }

        // Constant-time comparison: the time taken must not reveal how many leading bytes were right.
        if (!CryptographicOperations.FixedTimeEquals(signature, Sign(key, token[..lastDot])))
        {
            return new(TokenStatus.BadSignature, null);
        }

        Payload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(payloadBytes, PayloadJson.Default.Payload);
        }
        catch (JsonException)
        {
            return new(TokenStatus.Malformed, null);
        }

        if (payload is null || string.IsNullOrEmpty(payload.Aud) || string.IsNullOrEmpty(payload.Sub))
        {
            return new(TokenStatus.Malformed, null);
        }

        if (!string.Equals(payload.Aud, expectedAudience, StringComparison.Ordinal))
        {
            return new(TokenStatus.WrongAudience, null);
        }

        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(payload.Exp);
        if (now >= expiresAt)
        {
            return new(TokenStatus.Expired, null);
        }

        return new(TokenStatus.Valid, new TokenClaims(payload.Aud, payload.Sub, expiresAt));
    }

    private static byte[] Sign(SigningKey key, string signedPart) =>
        HMACSHA256.HashData(key.Secret, Encoding.UTF8.GetBytes(signedPart));

    internal sealed record Payload(string Aud, string Sub, long Exp);
}
