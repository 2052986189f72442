using ConseillersEntreprises.Core.Partners;
using Microsoft.Extensions.Time.Testing;

namespace ConseillersEntreprises.Core.Tests.Partners;

public sealed class PartnerKeyTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public void A_key_is_256_random_bits_behind_a_recognisable_prefix_and_only_its_hash_is_kept()
    {
        var (key, secret) = PartnerKeyRules.Issue("cci-occitanie", "Site CCI", "op@example.fr", _time.GetUtcNow(), PartnerKeyRules.DefaultLifetime);
        var (other, otherSecret) = PartnerKeyRules.Issue("cci-occitanie", "Site CCI", "op@example.fr", _time.GetUtcNow(), PartnerKeyRules.DefaultLifetime);

        Assert.StartsWith("cep_", secret, StringComparison.Ordinal);
        Assert.Equal(4 + 43, secret.Length); // 32 bytes in base64url, no padding
        Assert.True(PartnerKeySecret.HasKeyShape(secret));
        Assert.NotEqual(secret, otherSecret);
        Assert.NotEqual(key.Id, other.Id);
        Assert.Equal(PartnerKeySecret.Hash(secret), key.Hash);
        Assert.Equal(64, key.Hash.Length);
        Assert.DoesNotContain(secret[4..], key.Hash, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[4..12], key.Id, StringComparison.Ordinal);
    }

    [Fact]
    public void The_hash_is_sha256_of_the_key_text()
    {
        Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", PartnerKeySecret.Hash("abc"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cep_")]
    [InlineData("cep_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")] // one character short
    [InlineData("xyz_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("cep_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("kid.payload.signature")]
    public void Anything_without_the_shape_of_a_key_is_refused_before_any_lookup(string? candidate) =>
        Assert.False(PartnerKeySecret.HasKeyShape(candidate));

    [Fact]
    public void A_key_is_valid_until_the_end_of_its_lifetime_then_expired()
    {
        var (key, _) = PartnerKeyRules.Issue("bpi", "Intranet", null, _time.GetUtcNow(), PartnerKeyRules.DefaultLifetime);

        Assert.Equal(_time.GetUtcNow().AddDays(548), key.ExpiresAt);
        _time.Advance(TimeSpan.FromDays(548) - TimeSpan.FromSeconds(1));
        Assert.Equal(PartnerKeyStatus.Valid, PartnerKeyRules.StatusAt(key, _time.GetUtcNow()));
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(PartnerKeyStatus.Expired, PartnerKeyRules.StatusAt(key, _time.GetUtcNow()));
    }

    [Fact]
    public void A_revoked_key_is_refused_at_once_and_a_second_revocation_keeps_the_first()
    {
        var (key, _) = PartnerKeyRules.Issue("bpi", "Intranet", null, _time.GetUtcNow(), TimeSpan.FromDays(1));
        var revoked = PartnerKeyRules.Revoke(key, "a@example.fr", _time.GetUtcNow());
        _time.Advance(TimeSpan.FromHours(1));
        var again = PartnerKeyRules.Revoke(revoked, "b@example.fr", _time.GetUtcNow());

        Assert.Equal(PartnerKeyStatus.Revoked, PartnerKeyRules.StatusAt(revoked, _time.GetUtcNow()));
        Assert.Same(revoked, again);
        Assert.Equal("a@example.fr", again.RevokedBy);
        _time.Advance(TimeSpan.FromDays(2));
        Assert.Equal(PartnerKeyStatus.Revoked, PartnerKeyRules.StatusAt(again, _time.GetUtcNow())); // revoked wins over expired
    }

    [Fact]
    public void The_last_use_is_rewritten_at_most_every_five_minutes()
    {
        var (key, _) = PartnerKeyRules.Issue("bpi", "Intranet", null, _time.GetUtcNow(), TimeSpan.FromDays(1));

        Assert.True(PartnerKeyRules.ShouldRecordUse(key, _time.GetUtcNow()));
        var used = key with { LastUsedAt = _time.GetUtcNow() };
        _time.Advance(TimeSpan.FromMinutes(4));
        Assert.False(PartnerKeyRules.ShouldRecordUse(used, _time.GetUtcNow()));
        _time.Advance(TimeSpan.FromMinutes(1));
        Assert.True(PartnerKeyRules.ShouldRecordUse(used, _time.GetUtcNow()));
    }
}
