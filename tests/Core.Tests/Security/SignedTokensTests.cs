using System.Security.Cryptography;
using ConseillersEntreprises.Core.Security;
using Microsoft.Extensions.Time.Testing;

namespace ConseillersEntreprises.Core.Tests.Security;

public sealed class SignedTokensTests
{
    private static readonly SigningKey Current = new("k2", RandomNumberGenerator.GetBytes(32));
    private static readonly SigningKey Previous = new("k1", RandomNumberGenerator.GetBytes(32));
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero));

    private string Issue(SignedTokens tokens, string audience = TokenAudiences.Advisor, TimeSpan? lifetime = null) =>
        tokens.Issue(new TokenClaims(audience, "advisor-42", _time.GetUtcNow() + (lifetime ?? TimeSpan.FromDays(30))));

    [Fact]
    public void A_token_is_valid_for_its_audience_until_it_expires()
    {
        var tokens = new SignedTokens([Current]);
        var token = Issue(tokens);

        var valid = tokens.Validate(token, TokenAudiences.Advisor, _time.GetUtcNow());
        _time.Advance(TimeSpan.FromDays(30));
        var expired = tokens.Validate(token, TokenAudiences.Advisor, _time.GetUtcNow());

        Assert.Equal(TokenStatus.Valid, valid.Status);
        Assert.Equal("advisor-42", valid.Claims!.Subject);
        Assert.Equal(TokenStatus.Expired, expired.Status);
        Assert.Null(expired.Claims);
    }

    [Fact]
    public void A_token_for_another_audience_is_refused() =>
        Assert.Equal(TokenStatus.WrongAudience, new SignedTokens([Current]).Validate(Issue(new SignedTokens([Current])), TokenAudiences.Operator, _time.GetUtcNow()).Status);

    [Fact]
    public void The_first_key_signs_and_every_key_verifies_so_keys_can_rotate()
    {
        var oldToken = Issue(new SignedTokens([Previous]));
        var rotated = new SignedTokens([Current, Previous]);
        var newToken = Issue(rotated);

        Assert.StartsWith("k2.", newToken, StringComparison.Ordinal);
        Assert.True(rotated.Validate(oldToken, TokenAudiences.Advisor, _time.GetUtcNow()).IsValid);
        Assert.True(rotated.Validate(newToken, TokenAudiences.Advisor, _time.GetUtcNow()).IsValid);
        Assert.Equal(TokenStatus.UnknownKey, new SignedTokens([Current]).Validate(oldToken, TokenAudiences.Advisor, _time.GetUtcNow()).Status);
    }

    [Fact]
    public void Any_changed_character_breaks_the_signature()
    {
        var tokens = new SignedTokens([Current]);
        var token = Issue(tokens);
        var payloadStart = token.IndexOf('.', StringComparison.Ordinal) + 1;

        for (var i = payloadStart; i < token.Length; i++)
        {
            if (token[i] == '.')
            {
                continue;
            }

            var tampered = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            Assert.False(tokens.Validate(tampered, TokenAudiences.Advisor, _time.GetUtcNow()).IsValid, $"character {i} changed");
        }
    }

    [Fact]
    public void A_key_of_the_same_id_but_another_secret_does_not_verify()
    {
        var token = Issue(new SignedTokens([Current]));
        var impostor = new SignedTokens([new SigningKey("k2", RandomNumberGenerator.GetBytes(32))]);

        Assert.Equal(TokenStatus.BadSignature, impostor.Validate(token, TokenAudiences.Advisor, _time.GetUtcNow()).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("k2..")]
    [InlineData("k2.!!!.???")]
    [InlineData(".payload.sig")]
    public void Garbage_is_malformed_or_unknown_never_an_exception(string? token)
    {
        var status = new SignedTokens([Current]).Validate(token, TokenAudiences.Advisor, _time.GetUtcNow()).Status;

        Assert.Contains(status, new[] { TokenStatus.Malformed, TokenStatus.UnknownKey, TokenStatus.BadSignature });
    }

    [Theory]
    [InlineData("k1=c2hvcnQ=", "at least 32")]
    [InlineData("k1", "kid=base64secret")]
    [InlineData("k1=not base64!", "base64")]
    [InlineData("", "empty")]
    public void Malformed_key_settings_are_reported(string setting, string expected)
    {
        Assert.Null(SigningKey.TryParse(setting, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_well_formed_key_setting_parses()
    {
        var key = SigningKey.TryParse("local1=" + Convert.ToBase64String(new byte[32]), out var error);

        Assert.Null(error);
        Assert.Equal("local1", key!.Id);
    }
}
