using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.Core.Tests.Needs;

/// <summary>What a need is found by in the operators' search, and how a query is read.</summary>
public sealed class NeedSearchTests
{
    [Fact]
    public void A_need_is_indexed_by_its_siret_its_contact_email_and_each_word_of_its_company_name()
    {
        var state = NeedFixtures.Submit("a") with { Company = NeedFixtures.Submit("a").Company with { Name = "Boulangerie Ézéchiel & Fils", Siret = "73282932000074" } };

        var keys = NeedSearch.KeysOf(state);

        Assert.Equal(["siret:73282932000074", "email:camille.dupont@example.fr", "mot:boulangerie", "mot:ezechiel", "mot:fils"], keys);
    }

    [Theory]
    [InlineData("732 829 320 00074", "siret:73282932000074")]
    [InlineData("73282932000074", "siret:73282932000074")]
    [InlineData(" Camille.Dupont@Example.FR ", "email:camille.dupont@example.fr")]
    public void A_siret_with_or_without_spaces_and_an_email_whatever_its_case_are_exact_keys(string typed, string key)
    {
        var query = NeedSearch.Parse(typed)!;

        Assert.Equal(key, query.Key);
        Assert.Null(query.NeedId);
        Assert.Empty(query.Words);
    }

    [Fact]
    public void Other_text_is_read_as_name_words_longest_first_and_as_a_need_id_when_it_is_one_token()
    {
        var words = NeedSearch.Parse("Bou ÉZÉCH a")!;
        var token = NeedSearch.Parse("n-20261202-abc")!;

        Assert.Equal(["ezech", "bou"], words.Words); // "a" is too short to look up alone
        Assert.Null(words.NeedId);
        Assert.Null(words.Key);
        Assert.Equal("n-20261202-abc", token.NeedId);
        Assert.Null(NeedSearch.Parse("   "));
    }

    [Theory]
    [InlineData("boul", true)]
    [InlineData("boul fils", true)]
    [InlineData("ezechiel boulangerie", true)]
    [InlineData("langerie", false)] // a word is matched from its start
    [InlineData("boul pere", false)] // every word must match
    public void A_partial_name_matches_when_every_word_starts_a_word_of_the_name(string typed, bool matches) =>
        Assert.Equal(matches, NeedSearch.NameMatches(NeedSearch.Parse(typed)!.Words, "boulangerie ezechiel fils"));
}
