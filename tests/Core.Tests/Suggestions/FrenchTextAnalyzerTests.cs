using ConseillersEntreprises.Core.Suggestions;

namespace ConseillersEntreprises.Core.Tests.Suggestions;

/// <summary>The normalisation that lets a need meet a subject however it is typed.</summary>
public sealed class FrenchTextAnalyzerTests
{
    [Theory]
    [InlineData("l'URSSAF", "urssaf")]                   // elision and case
    [InlineData("D'URSSAF", "Urssaf")]
    [InlineData("Activité", "activite")]                 // accents folded (people type without them)
    [InlineData("trésorerie", "TRESORERIE")]
    [InlineData("activités", "activité")]                // plural
    [InlineData("Les Entreprises", "entreprise")]        // plural, case and the article dropped
    [InlineData("salariées", "salarié")]                 // feminine plural
    [InlineData("recrutement", "recruter")]              // light stemming: one root for the verb and the noun
    [InlineData("trésorerie ?!;", "« trésorerie »")]     // punctuation
    [InlineData("je voudrais recruter un salarié", "recruter salarié")] // the words around a need dropped
    public void Writings_of_the_same_words_give_the_same_terms(string written, string reference)
    {
        var terms = FrenchTextAnalyzer.Terms(written);

        Assert.NotEmpty(terms);
        Assert.Equal(FrenchTextAnalyzer.Terms(reference), terms);
    }

    [Fact]
    public void An_elided_article_leaves_one_term_and_different_words_stay_apart()
    {
        Assert.Single(FrenchTextAnalyzer.Terms("l'URSSAF"));
        Assert.NotEqual(FrenchTextAnalyzer.Terms("recruter"), FrenchTextAnalyzer.Terms("former"));
        Assert.NotEqual(FrenchTextAnalyzer.Terms("prêt"), FrenchTextAnalyzer.Terms("projet"));
    }

    [Fact]
    public void Words_keep_their_order_and_repetitions()
    {
        var terms = FrenchTextAnalyzer.Terms("export, trésorerie, export");

        Assert.Equal(3, terms.Count);
        Assert.Equal(terms[0], terms[2]);
        Assert.NotEqual(terms[0], terms[1]);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(" ,;:!? « » — ")]
    [InlineData("le la les de du des à")]
    public void Blank_text_punctuation_and_stop_words_give_no_term(string? text) =>
        Assert.Empty(FrenchTextAnalyzer.Terms(text));
}
