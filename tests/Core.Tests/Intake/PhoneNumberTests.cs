using ConseillersEntreprises.Core.Intake;

namespace ConseillersEntreprises.Core.Tests.Intake;

public sealed class PhoneNumberTests
{
    [Theory]
    // National numbers, every usual separator.
    [InlineData("0612345678", "+33612345678", "06 12 34 56 78")]
    [InlineData("06 12 34 56 78", "+33612345678", "06 12 34 56 78")]
    [InlineData("06.12.34.56.78", "+33612345678", "06 12 34 56 78")]
    [InlineData("06-12-34-56-78", "+33612345678", "06 12 34 56 78")]
    [InlineData("06/12/34/56/78", "+33612345678", "06 12 34 56 78")]
    [InlineData("  0612 345 678  ", "+33612345678", "06 12 34 56 78")]
    [InlineData("06\u00A012\u00A034\u00A056\u00A078", "+33612345678", "06 12 34 56 78")] // non-breaking spaces
    [InlineData("06\u202F12\u202F34\u202F56\u202F78", "+33612345678", "06 12 34 56 78")] // narrow non-breaking spaces
    [InlineData("06\u201312\u201334\u201356\u201378", "+33612345678", "06 12 34 56 78")] // en dashes
    [InlineData("06\u200B12345678", "+33612345678", "06 12 34 56 78")] // zero-width space pasted along
    [InlineData("06\t12\t34\t56\t78", "+33612345678", "06 12 34 56 78")]
    [InlineData("01 23 45 67 89", "+33123456789", "01 23 45 67 89")]
    [InlineData("02 98 76 54 32", "+33298765432", "02 98 76 54 32")]
    [InlineData("03 88 12 34 56", "+33388123456", "03 88 12 34 56")]
    [InlineData("04 91 12 34 56", "+33491123456", "04 91 12 34 56")]
    [InlineData("05 56 12 34 56", "+33556123456", "05 56 12 34 56")]
    [InlineData("07 12 34 56 78", "+33712345678", "07 12 34 56 78")]
    [InlineData("08 00 12 34 56", "+33800123456", "08 00 12 34 56")]
    [InlineData("08 99 12 34 56", "+33899123456", "08 99 12 34 56")]
    [InlineData("09 71 12 34 56", "+33971123456", "09 71 12 34 56")]
    // International form of mainland numbers.
    [InlineData("+33612345678", "+33612345678", "06 12 34 56 78")]
    [InlineData("+33 6 12 34 56 78", "+33612345678", "06 12 34 56 78")]
    [InlineData("+33 (0)6 12 34 56 78", "+33612345678", "06 12 34 56 78")]
    [InlineData("+33(0)612345678", "+33612345678", "06 12 34 56 78")]
    [InlineData("+33 06 12 34 56 78", "+33612345678", "06 12 34 56 78")]
    [InlineData("+33-6-12-34-56-78", "+33612345678", "06 12 34 56 78")]
    [InlineData("+33.6.12.34.56.78", "+33612345678", "06 12 34 56 78")]
    [InlineData("(+33) 6 12 34 56 78", "+33612345678", "06 12 34 56 78")]
    [InlineData("(+33)(0)6 12 34 56 78", "+33612345678", "06 12 34 56 78")]
    [InlineData("0033 6 12 34 56 78", "+33612345678", "06 12 34 56 78")]
    [InlineData("0033612345678", "+33612345678", "06 12 34 56 78")]
    [InlineData("0033 (0)6 12 34 56 78", "+33612345678", "06 12 34 56 78")]
    [InlineData("+33 1 23 45 67 89", "+33123456789", "01 23 45 67 89")]
    [InlineData("+33 8 00 12 34 56", "+33800123456", "08 00 12 34 56")]
    // Overseas départements: national form, their own country code in E.164.
    [InlineData("0590 12 34 56", "+590590123456", "05 90 12 34 56")] // Guadeloupe
    [InlineData("0690 12 34 56", "+590690123456", "06 90 12 34 56")]
    [InlineData("0691 12 34 56", "+590691123456", "06 91 12 34 56")]
    [InlineData("0594 12 34 56", "+594594123456", "05 94 12 34 56")] // Guyane
    [InlineData("0694 12 34 56", "+594694123456", "06 94 12 34 56")]
    [InlineData("0596 12 34 56", "+596596123456", "05 96 12 34 56")] // Martinique
    [InlineData("0696 12 34 56", "+596696123456", "06 96 12 34 56")]
    [InlineData("0697 12 34 56", "+596697123456", "06 97 12 34 56")]
    [InlineData("0262 12 34 56", "+262262123456", "02 62 12 34 56")] // La Réunion
    [InlineData("0692 12 34 56", "+262692123456", "06 92 12 34 56")]
    [InlineData("0693 12 34 56", "+262693123456", "06 93 12 34 56")]
    [InlineData("0269 61 23 45", "+262269612345", "02 69 61 23 45")] // Mayotte
    [InlineData("0639 12 34 56", "+262639123456", "06 39 12 34 56")]
    // Overseas départements: international form.
    [InlineData("+590 690 12 34 56", "+590690123456", "06 90 12 34 56")]
    [InlineData("+590690123456", "+590690123456", "06 90 12 34 56")]
    [InlineData("+590 (0)690 12 34 56", "+590690123456", "06 90 12 34 56")]
    [InlineData("+590 0690 12 34 56", "+590690123456", "06 90 12 34 56")]
    [InlineData("00590 590 12 34 56", "+590590123456", "05 90 12 34 56")]
    [InlineData("+594 694 12 34 56", "+594694123456", "06 94 12 34 56")]
    [InlineData("+596 596 12 34 56", "+596596123456", "05 96 12 34 56")]
    [InlineData("+262 692 12 34 56", "+262692123456", "06 92 12 34 56")]
    [InlineData("+262 269 61 23 45", "+262269612345", "02 69 61 23 45")] // Mayotte is +262
    [InlineData("+262 639 12 34 56", "+262639123456", "06 39 12 34 56")]
    [InlineData("(+262) 262 12 34 56", "+262262123456", "02 62 12 34 56")]
    // An overseas number written with +33 is moved to its own code.
    [InlineData("+33 6 90 12 34 56", "+590690123456", "06 90 12 34 56")]
    [InlineData("+33 2 62 12 34 56", "+262262123456", "02 62 12 34 56")]
    // Territories with their own plan.
    [InlineData("+508 41 23 45", "+508412345", "+508 41 23 45")] // Saint-Pierre-et-Miquelon
    [InlineData("+508 55 12 34", "+508551234", "+508 55 12 34")]
    [InlineData("00508 41 23 45", "+508412345", "+508 41 23 45")]
    [InlineData("+687 28 12 34", "+687281234", "+687 28 12 34")] // Nouvelle-Calédonie
    [InlineData("+687 75.12.34", "+687751234", "+687 75 12 34")]
    [InlineData("+689 87 12 34 56", "+68987123456", "+689 87 12 34 56")] // Polynésie française
    [InlineData("+689 40 12 34 56", "+68940123456", "+689 40 12 34 56")]
    [InlineData("(+689) 89 12 34 56", "+68989123456", "+689 89 12 34 56")]
    [InlineData("+681 72 12 34", "+681721234", "+681 72 12 34")] // Wallis-et-Futuna
    public void Valid_french_numbers_are_normalised_to_E164_with_a_display_form(string input, string e164, string display)
    {
        var ok = PhoneNumber.TryParse(input, out var phone, out var error);

        Assert.True(ok, error);
        Assert.Null(error);
        Assert.Equal(e164, phone!.E164);
        Assert.Equal(display, phone.Display);
        Assert.Equal(e164, phone.ToString());
    }

    [Theory]
    [InlineData("06 12 34 56 7")] // 9 digits
    [InlineData("06 12 34 56 789")] // 11 digits
    [InlineData("06 12 34 56")]
    [InlineData("6 12 34 56 78")] // trunk zero missing
    [InlineData("612345678")]
    [InlineData("33612345678")] // country code without + or 00
    [InlineData("00 12 34 56 78")] // 0 followed by 0
    [InlineData("0012345678")]
    [InlineData("06 12 34 AB 78")] // letters
    [InlineData("O6 12 34 56 78")] // letter O for a zero
    [InlineData("06 12 34 56 78 poste 12")]
    [InlineData("tel: 0612345678")]
    [InlineData("06 12 34 56 78;")]
    [InlineData("06,12,34,56,78")]
    [InlineData("06_12_34_56_78")]
    [InlineData("\uFF10\uFF16\uFF11\uFF12\uFF13\uFF14\uFF15\uFF16\uFF17\uFF18")] // full-width digits
    [InlineData("٠٦١٢٣٤٥٦٧٨")] // Arabic-Indic digits
    [InlineData("+44 20 7946 0958")] // foreign
    [InlineData("0044 20 7946 0958")]
    [InlineData("+1 212 555 0100")]
    [InlineData("+32 2 123 45 67")]
    [InlineData("0032 2 123 45 67")]
    [InlineData("+269 321 23 45")] // Comores, not Mayotte
    [InlineData("+33 6 12 34 56 7")]
    [InlineData("+33 6 12 34 56 789")]
    [InlineData("+33 00 12 34 56 78")]
    [InlineData("+33 0 12 34 56 78")] // trunk zero and only 8 digits
    [InlineData("+33 (0) 0 12 34 56 78")]
    [InlineData("+33 (1)6 12 34 56 78")]
    [InlineData("++33 6 12 34 56 78")]
    [InlineData("+ 33 6 12 34 56 78 )")]
    [InlineData("(+33 6 12 34 56 78")] // unclosed parenthesis
    [InlineData("+33) 6 12 34 56 78")]
    [InlineData("06 (12) 34 56 78")]
    [InlineData("+590 6 12 34 56 78")] // a mainland mobile under the Guadeloupe code
    [InlineData("+262 590 12 34 56")] // a Guadeloupe number under the Réunion code
    [InlineData("+594 596 12 34 56")]
    [InlineData("+590 690 12 34 5")]
    [InlineData("+508 41 23 4")] // Saint-Pierre-et-Miquelon: 6 digits
    [InlineData("+508 41 23 45 6")]
    [InlineData("+687 28 12 34 5")] // Nouvelle-Calédonie: 6 digits
    [InlineData("+687 (0)28 12 34")] // no trunk zero there
    [InlineData("+687 02 81 23")]
    [InlineData("+689 40 12 34")] // Polynésie: 8 digits since 2017
    [InlineData("+689 40 12 34 56 7")]
    [InlineData("+681 72 12 3")]
    [InlineData("+")]
    [InlineData("00")]
    [InlineData("0")]
    [InlineData(". - .")]
    [InlineData("0612345678 0612345678")]
    [InlineData("06 12 34 56 78 06 12 34 56 78 06 12 34 56 78 06")] // longer than anything sensible
    public void Anything_else_is_refused_with_the_french_example(string input)
    {
        var ok = PhoneNumber.TryParse(input, out var phone, out var error);

        Assert.False(ok);
        Assert.Null(phone);
        Assert.Equal("Numéro de téléphone invalide : indiquez un numéro français, par exemple 06 12 34 56 78", error);
        Assert.Null(PhoneNumber.TryParse(input));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u00A0\t")]
    public void A_missing_number_is_asked_for(string? input)
    {
        Assert.False(PhoneNumber.TryParse(input, out var phone, out var error));
        Assert.Null(phone);
        Assert.Equal(NeedMessages.PhoneRequired, error);
    }

    [Fact]
    public void The_E164_form_parses_back_to_the_same_number()
    {
        foreach (var input in new[] { "06 12 34 56 78", "0690 12 34 56", "0269 61 23 45", "+687 28 12 34", "+689 87 12 34 56" })
        {
            var first = PhoneNumber.TryParse(input)!;
            var again = PhoneNumber.TryParse(first.E164)!;
            Assert.Equal(first, again);
            Assert.Equal(first.Display, PhoneNumber.TryParse(first.Display)!.Display);
        }
    }
}
