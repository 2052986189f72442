using ConseillersEntreprises.Core.Suggestions;

namespace ConseillersEntreprises.Core.Tests.Suggestions;

/// <summary>The lexicon: everyday words, official names and acronyms brought to one concept.</summary>
public sealed class SuggestionLexiconTests
{
    private static HashSet<string> Concepts(SuggestionLexicon lexicon, string text) =>
        [.. lexicon.Concepts(FrenchTextAnalyzer.Terms(text))];

    [Theory]
    [InlineData("embaucher", "recruter")]
    [InlineData("ma boîte", "mon entreprise")]
    [InlineData("chômage partiel", "activité partielle")]
    [InlineData("chomage technique", "activité partielle")]
    [InlineData("l'URSSAF", "cotisations sociales")]
    [InlineData("TVA", "taxe sur la valeur ajoutée")]
    [InlineData("CFE", "cotisation foncière des entreprises")]
    [InlineData("SASU", "statut juridique")]
    [InlineData("mes clients paient en retard", "factures impayées")]
    public void Everyday_words_and_acronyms_meet_the_catalogue_s_words(string everyday, string official)
    {
        var shared = Concepts(SuggestionLexicon.Default, everyday);

        shared.IntersectWith(Concepts(SuggestionLexicon.Default, official));
        Assert.NotEmpty(shared);
    }

    [Theory]
    [InlineData("recruter", "exporter")]
    [InlineData("TVA", "apprentissage")]
    public void Unrelated_words_share_no_concept(string one, string other)
    {
        var shared = Concepts(SuggestionLexicon.Default, one);

        shared.IntersectWith(Concepts(SuggestionLexicon.Default, other));
        Assert.Empty(shared);
    }

    [Fact]
    public void A_lexicon_is_read_one_group_a_line_comments_and_blank_lines_skipped()
    {
        var lexicon = SuggestionLexicon.Parse(new StringReader("# un commentaire\n\nembaucher | recruter\nboîte | entreprise\n"));

        Assert.Equal(2, lexicon.GroupCount);
        Assert.Equal(Concepts(lexicon, "embaucher"), Concepts(lexicon, "recruter"));
        Assert.Equal(Concepts(lexicon, "boîtes"), Concepts(lexicon, "entreprise"));
        Assert.NotEqual(Concepts(lexicon, "embaucher"), Concepts(lexicon, "entreprise"));
        Assert.Empty(Concepts(lexicon, "un commentaire"));
    }

    [Fact]
    public void An_expression_counts_only_with_its_words_together_and_in_order()
    {
        var lexicon = SuggestionLexicon.Parse(new StringReader("chômage partiel | activité partielle"));

        Assert.Single(Concepts(lexicon, "mise au chômage partiel de l'équipe"));
        Assert.Empty(Concepts(lexicon, "partiel chômage"));
        Assert.Empty(Concepts(lexicon, "chômage de l'équipe, temps partiel"));
    }

    [Fact]
    public void A_concept_is_found_once_per_occurrence_and_never_equals_a_word()
    {
        var lexicon = SuggestionLexicon.Parse(new StringReader("embaucher | embauche | recruter"));

        var concepts = lexicon.Concepts(FrenchTextAnalyzer.Terms("embaucher, recruter")).ToList();

        Assert.Equal(2, concepts.Count);
        Assert.All(concepts, c => Assert.StartsWith(SuggestionLexicon.ConceptMark.ToString(), c, StringComparison.Ordinal));
    }
}
