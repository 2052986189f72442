using ConseillersEntreprises.Core.Intake;

namespace ConseillersEntreprises.Core.Tests.Intake;

public sealed class IntakeTextTests
{
    [Theory]
    [InlineData("  a  ", "a")]
    [InlineData("a \t\r\n b", "a b")]
    [InlineData("a\u00A0\u202F\u2009b", "a b")] // non-breaking, narrow and thin spaces
    [InlineData("a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf\u00ADg", "abcdefg")] // zero-width and invisible characters
    [InlineData("\u202Eabc\u202C", "abc")] // bidirectional override
    [InlineData("e\u0301", "é")] // form C
    [InlineData("😀 ok", "😀 ok")] // surrogate pairs untouched
    [InlineData("", "")]
    [InlineData(" \u200B ", "")]
    public void Single_line_values_are_cleaned_and_their_white_space_collapsed(string input, string expected) =>
        Assert.Equal(expected, IntakeText.SingleLine(input));

    [Theory]
    [InlineData("a\r\nb", "a\nb")]
    [InlineData("a\rb", "a\nb")]
    [InlineData("a\u0085b\u2028c\u2029d", "a\nb\nc\nd")]
    [InlineData("a   \nb\t \n", "a\nb")] // trailing white space of lines
    [InlineData("a\n\n\n\n\nb", "a\n\nb")] // one blank line at most
    [InlineData("a\n \t \n  \n\u00A0\nb", "a\n\nb")] // lines of white space are blank
    [InlineData("\n\n  a\n  b  \n\n", "a\n  b")] // indentation inside is kept
    [InlineData("a\tb", "a\tb")]
    [InlineData("a\u0000b\u0007c\u001Bd", "abcd")] // other control characters go
    [InlineData("a\u200Bb", "ab")]
    [InlineData("👨\u200D👩\u200D👧", "👨\u200D👩\u200D👧")] // the zero-width joiner composes emoji: kept here
    [InlineData("Cafe\u0301", "Café")]
    [InlineData("<p>x</p> &amp;", "<p>x</p> &amp;")] // text stays text
    public void Multi_line_text_is_normalised(string input, string expected) =>
        Assert.Equal(expected, IntakeText.MultiLine(input));

    [Fact]
    public void Unpaired_surrogates_become_replacement_characters()
    {
        // Built at run time: attribute arguments cannot hold an unpaired surrogate.
        var high = "a" + (char)0xD800 + "b";
        var low = "a" + (char)0xDC00;

        Assert.Equal("a\uFFFDb", IntakeText.SingleLine(high));
        Assert.Equal("a\uFFFD", IntakeText.MultiLine(low));
        Assert.True(IntakeText.HasForbiddenCharacters(high));
        Assert.True(IntakeText.HasForbiddenCharacters(low));
    }

    [Fact]
    public void Null_stays_null()
    {
        Assert.Null(IntakeText.SingleLine(null));
        Assert.Null(IntakeText.MultiLine(null));
    }

    [Theory]
    [InlineData("Jean", false)]
    [InlineData("Jean-Pierre d'Ormesson", false)]
    [InlineData("😀", false)]
    [InlineData("a\u0001", true)]
    [InlineData("a\u0085", true)]
    [InlineData("a\u200B", true)]
    [InlineData("a\uE000", true)]
    [InlineData("a\uFFFD", true)]
    [InlineData("a\u0378", true)] // unassigned
    public void Forbidden_characters_are_found(string value, bool expected) =>
        Assert.Equal(expected, IntakeText.HasForbiddenCharacters(value));
}
