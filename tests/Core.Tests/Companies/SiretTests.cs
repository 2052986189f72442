using ConseillersEntreprises.Core.Companies;

namespace ConseillersEntreprises.Core.Tests.Companies;

public class SiretTests
{
    // Every number below was checked by hand (Luhn from the right, every second digit doubled):
    // 73282932000074: Luhn sum of the SIREN 732829320 is 40, of the SIRET 50.
    // 55210055400013: SIREN 552100554 sum 20, SIRET sum 30.
    // 44306184100047: SIREN 443061841 sum 40, SIRET sum 50.
    // 12345678200010: SIREN 123456782 sum 40, SIRET sum 40.
    [Theory]
    [InlineData("73282932000074", "73282932000074")]
    [InlineData("55210055400013", "55210055400013")]
    [InlineData("44306184100047", "44306184100047")]
    [InlineData("12345678200010", "12345678200010")]
    [InlineData("732 829 320 00074", "73282932000074")]
    [InlineData(" 732829320 00074 ", "73282932000074")]
    [InlineData("732\u00A0829\u00A0320\u00A000074", "73282932000074")] // non-breaking spaces (copied from a PDF or a web page)
    [InlineData("732\u202F829\u202F320\u202F00074", "73282932000074")] // narrow non-breaking spaces (French number formatting)
    [InlineData("732\t829 320\n00074", "73282932000074")]
    public void Valid_numbers_are_normalised_to_14_digits(string input, string expected)
    {
        var ok = Siret.TryNormalize(input, out var siret, out var error);

        Assert.True(ok, error);
        Assert.Equal(expected, siret);
        Assert.Null(error);
        Assert.True(Siret.IsValid(siret));
    }

    [Theory]
    [InlineData("73282932000075")] // last digit changed: SIRET Luhn sum 51
    [InlineData("73282932000047")] // two digits swapped (the typo Luhn catches): SIRET Luhn sum 56
    [InlineData("73282932100074")] // a SIREN digit changed: SIREN 732829321 fails Luhn
    [InlineData("55210055400014")]
    [InlineData("00000000000001")]
    public void A_wrong_check_digit_is_refused_with_a_precise_message(string input)
    {
        var ok = Siret.TryNormalize(input, out var siret, out var error);

        Assert.False(ok);
        Assert.Equal(string.Empty, siret);
        Assert.NotNull(error);
        Assert.Contains("n'est pas valide", error, StringComparison.Ordinal);
        Assert.Contains("clé de contrôle", error, StringComparison.Ordinal);
        Assert.False(Siret.IsValid(input));
    }

    [Fact]
    public void The_siren_must_pass_luhn_too_even_when_the_siret_does()
    {
        // 12345678900007: the 14 digits pass Luhn (sum 50) but the SIREN 123456789 does not (sum 47).
        Assert.False(Siret.IsValidSiren("123456789"));

        var ok = Siret.TryNormalize("12345678900007", out _, out var error);

        Assert.False(ok);
        Assert.Contains("clé de contrôle", error, StringComparison.Ordinal);
    }

    [Theory]
    // La Poste's head office: passes Luhn (sum 30) although its digit sum is 26: Luhn alone is enough.
    [InlineData("35600000000048")]
    // Luhn fails (sum 15) but the digit sum 3+5+6+1 = 15 is a multiple of 5: valid through La Poste's rule.
    [InlineData("35600000000001")]
    // Luhn fails (sum 16), digit sum 3+5+6+1 = 15.
    [InlineData("35600000000010")]
    // Luhn fails (sum 48), digit sum 3+5+6+4+9+8+3+7 = 45.
    [InlineData("35600000049837")]
    // Both rules hold: Luhn sum 20, digit sum 20.
    [InlineData("35600000000006")]
    [InlineData("356 000 000 49837")]
    public void La_poste_establishments_are_valid_when_their_digit_sum_is_a_multiple_of_5(string input)
    {
        var ok = Siret.TryNormalize(input, out var siret, out var error);

        Assert.True(ok, error);
        Assert.Equal(14, siret.Length);
    }

    [Theory]
    [InlineData("35600000000002")] // digit sum 16, Luhn sum 21
    [InlineData("35600000000049")] // digit sum 27, Luhn sum 31
    [InlineData("35600000012345")] // digit sum 29, Luhn fails
    [InlineData("35600000000000")] // digit sum 14, Luhn sum 14
    public void La_poste_establishments_with_neither_rule_are_refused(string input)
    {
        Assert.False(Siret.TryNormalize(input, out _, out var error));
        Assert.Contains("clé de contrôle", error, StringComparison.Ordinal);
    }

    [Fact]
    public void The_la_poste_rule_applies_only_to_la_poste()
    {
        // 35600001000000: digit sum 15, but SIREN 356000010 is not La Poste's (and fails Luhn).
        Assert.False(Siret.IsValid("35600001000000"));
        // 73282932000077: digit sum 50, a multiple of 5, but Luhn sum 53 and not La Poste.
        Assert.False(Siret.IsValid("73282932000077"));
    }

    [Theory]
    [InlineData("7328293200007", 13)]
    [InlineData("732829320000741", 15)]
    [InlineData("7", 1)]
    [InlineData("732 829 320 0007", 13)]
    public void A_wrong_length_says_how_many_digits_are_expected(string input, int typed)
    {
        Assert.False(Siret.TryNormalize(input, out var siret, out var error));

        Assert.Equal(string.Empty, siret);
        Assert.Equal($"Le SIRET doit comporter 14 chiffres (vous en avez saisi {typed}).", error);
    }

    [Fact]
    public void A_siren_is_recognised_and_explained()
    {
        Assert.False(Siret.TryNormalize("732 829 320", out _, out var error));

        Assert.NotNull(error);
        Assert.StartsWith("Ce numéro comporte 9 chiffres : c'est un SIREN.", error, StringComparison.Ordinal);
        Assert.Contains("14 chiffres", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("7328293200007A")]
    [InlineData("732-829-320-00074")]
    [InlineData("732.829.320.00074")]
    [InlineData("FR73282932000074")]
    [InlineData("７３２８２９３２０００７４")] // full-width digits are not ASCII digits
    public void Letters_and_punctuation_are_refused(string input)
    {
        Assert.False(Siret.TryNormalize(input, out _, out var error));

        Assert.Equal("Le numéro SIRET ne doit contenir que des chiffres (les espaces sont acceptés).", error);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u00A0")]
    public void An_empty_input_is_required(string? input)
    {
        Assert.False(Siret.TryNormalize(input, out var siret, out var error));

        Assert.Equal(string.Empty, siret);
        Assert.Equal("Le numéro SIRET est obligatoire.", error);
    }

    [Theory]
    [InlineData("73282932000074 ")]
    [InlineData("7328293200007")]
    [InlineData(null)]
    public void IsValid_accepts_only_the_normalised_form(string? input)
    {
        Assert.False(Siret.IsValid(input));
    }

    [Theory]
    [InlineData("732829320", true)]
    [InlineData("356000000", true)]
    [InlineData("552100554", true)]
    [InlineData("732829321", false)]
    [InlineData("12345678", false)]
    [InlineData("73282932A", false)]
    public void Siren_validation(string input, bool expected)
    {
        Assert.Equal(expected, Siret.IsValidSiren(input));
    }
}
