using ConseillersEntreprises.Core.Moderation;

namespace ConseillersEntreprises.Core.Tests.Moderation;

public sealed class HoldRulesTests
{
    private static HoldSignals Signals(
        bool honeypot = false, double? seconds = 42, double min = 5, string email = "claire@boulangerie.fr",
        BlockList? list = null, bool sameSiret = false, bool sameEmail = false) =>
        new(honeypot, seconds, min, email, list ?? BlockList.Empty, sameSiret, sameEmail);

    [Fact]
    public void An_ordinary_submission_is_dispatched_at_once() => Assert.Empty(HoldRules.Reasons(Signals()));

    [Fact]
    public void A_filled_honeypot_holds_it() => Assert.Equal([HoldReason.Honeypot], HoldRules.Reasons(Signals(honeypot: true)));

    [Theory]
    [InlineData(4.9, 5, true)]
    [InlineData(0, 5, true)]
    [InlineData(-3, 5, true)]
    [InlineData(5, 5, false)]
    [InlineData(60, 5, false)]
    [InlineData(1, 0, false)] // the setting at zero: not checked
    public void A_form_sent_faster_than_the_setting_is_held(double seconds, double min, bool held) =>
        Assert.Equal(held, HoldRules.Reasons(Signals(seconds: seconds, min: min)).Contains(HoldReason.FilledTooFast));

    [Fact]
    public void Without_a_filling_time_the_speed_is_not_checked() => Assert.Empty(HoldRules.Reasons(Signals(seconds: null)));

    [Theory]
    [InlineData("spam@exemple.fr", HoldReason.BlockedEmail)]
    [InlineData("SPAM@Exemple.FR", HoldReason.BlockedEmail)]
    [InlineData("autre@pourriel.test", HoldReason.BlockedDomain)]
    [InlineData("autre@mx.pourriel.test", HoldReason.BlockedDomain)]
    public void An_address_or_domain_on_the_block_list_holds_it(string email, HoldReason reason)
    {
        var list = new BlockList { Emails = ["spam@exemple.fr"], Domains = ["pourriel.test"] };
        Assert.Equal([reason], HoldRules.Reasons(Signals(email: email, list: list)));
    }

    [Theory]
    [InlineData("claire@exemple.fr")]
    [InlineData("claire@pasdupourriel.test")] // a domain that only ends like a blocked one
    public void Other_addresses_pass(string email) =>
        Assert.Empty(HoldRules.Reasons(Signals(email: email, list: new BlockList { Emails = ["spam@exemple.fr"], Domains = ["pourriel.test"] })));

    [Fact]
    public void Duplicates_hold_it_and_every_reason_is_kept_robot_signs_first()
    {
        var reasons = HoldRules.Reasons(Signals(honeypot: true, seconds: 1, email: "x@pourriel.test",
            list: new BlockList { Domains = ["pourriel.test"] }, sameSiret: true, sameEmail: true));

        Assert.Equal(
            [HoldReason.Honeypot, HoldReason.FilledTooFast, HoldReason.BlockedDomain, HoldReason.DuplicateSiret, HoldReason.DuplicateEmail],
            reasons);
        Assert.True(HoldRules.LooksLikeARobot(reasons));
        Assert.False(HoldRules.LooksLikeARobot([HoldReason.FilledTooFast, HoldReason.DuplicateEmail]));
    }

    [Fact]
    public void Every_reason_reads_in_french_in_the_basket()
    {
        Assert.All(Enum.GetValues<HoldReason>(), r => Assert.False(string.IsNullOrWhiteSpace(HoldRules.FrenchLabel(r))));
        Assert.Equal(
            "À vérifier avant transmission : formulaire rempli trop vite ; même SIRET sur le même sujet récemment.",
            HoldRules.BasketReason([HoldReason.FilledTooFast, HoldReason.DuplicateSiret]));
    }

    [Fact]
    public void Duplicate_keys_depend_on_the_subject_ignore_the_email_case_and_hold_no_personal_data()
    {
        Assert.Equal(DuplicateKeys.OfEmail("Claire@Exemple.fr", "a"), DuplicateKeys.OfEmail("claire@exemple.fr ", "a"));
        Assert.NotEqual(DuplicateKeys.OfEmail("claire@exemple.fr", "a"), DuplicateKeys.OfEmail("claire@exemple.fr", "b"));
        Assert.NotEqual(DuplicateKeys.OfEmail("claire@exemple.fr", null), DuplicateKeys.OfEmail("claire@exemple.fr", "a"));
        Assert.NotEqual(DuplicateKeys.OfSiret("73282932000074", "a"), DuplicateKeys.OfEmail("73282932000074", "a"));
        Assert.DoesNotContain("claire", DuplicateKeys.OfEmail("claire@exemple.fr", "a"), StringComparison.Ordinal);
        Assert.DoesNotContain("73282932000074", DuplicateKeys.OfSiret("73282932000074", "a"), StringComparison.Ordinal);
    }
}
