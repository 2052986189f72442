namespace ConseillersEntreprises.Core.Security;

/// <summary>An HMAC-SHA256 key with its identifier, so that keys can be rotated without breaking links already sent.</summary>
public sealed class SigningKey
{
    public const int MinimumSecretBytes = 32;

    public SigningKey(string id, byte[] secret)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(secret);
        if (id.Contains('.', StringComparison.Ordinal) || id.Contains('=', StringComparison.Ordinal))
        {
            throw new ArgumentException("A key id may not contain '.' or '='.", nameof(id));
        }

        if (secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException($"A signing secret needs at least {MinimumSecretBytes} bytes.", nameof(secret));
        }

        Id = id;
        Secret = secret;
    }

    public string Id { get; }

    internal byte[] Secret { get; }

    /// <summary>Parses the setting format <c>kid=base64secret</c>; returns null and a reason when malformed.</summary>
    public static SigningKey? TryParse(string? setting, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(setting))
        {
            error = "empty entry";
            return null;
        }

        var separator = setting.IndexOf('=', StringComparison.Ordinal);
        if (separator <= 0)
        {
            error = "expected 'kid=base64secret'";
            return null;
        }

        var id = setting[..separator].Trim();
        var encoded = setting[(separator + 1)..].Trim();
        byte[] secret;
        try
        {
            secret = Convert.FromBase64String(encoded);
        }
        catch (FormatException)
        {
            error = $"key '{id}': the secret is not valid base64";
            return null;
        }

        if (secret.Length < MinimumSecretBytes)
        {
            error = $"key '{id}': the secret has {secret.Length} bytes, at least {MinimumSecretBytes} are required";
            return null;
        }

        if (id.Contains('.', StringComparison.Ordinal))
        {
            error = $"key '{id}': a key id may not contain '.'";
            return null;
        }

        return new SigningKey(id, secret);
    }
}
