using ConseillersEntreprises.Core.Moderation;

namespace ConseillersEntreprises.Core.Tests.Moderation;

public sealed class BlockListValidatorTests
{
    [Fact]
    public void Entries_are_trimmed_lower_cased_sorted_and_deduplicated_blank_lines_ignored()
    {
        var result = BlockListValidator.Validate(
            [" Spam@Exemple.fr ", "", null, "spam@exemple.fr", "abc@exemple.fr"],
            ["Pourriel.TEST", "@autre.test", "  "]);

        Assert.True(result.IsValid);
        Assert.Equal(["abc@exemple.fr", "spam@exemple.fr"], result.BlockList.Emails);
        Assert.Equal(["autre.test", "pourriel.test"], result.BlockList.Domains);
    }

    [Fact]
    public void Every_bad_entry_is_listed_under_its_place_in_french_and_nothing_is_kept()
    {
        var result = BlockListValidator.Validate(["ok@exemple.fr", "pas une adresse", "x@"], ["exemple.fr", "fr", "http://spam.test"]);

        Assert.False(result.IsValid);
        Assert.Null(result.BlockList);
        Assert.Equal(["domains[1]", "domains[2]", "emails[1]", "emails[2]"], result.Errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("« pas une adresse » n'est pas une adresse email valide (par exemple prenom.nom@exemple.fr)", result.Errors["emails[1]"][0]);
        Assert.StartsWith("« fr » n'est pas un nom de domaine valide", result.Errors["domains[1]"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_lists_are_empty_ones()
    {
        var list = BlockListValidator.Validate(null, null).BlockList;
        Assert.NotNull(list);
        Assert.Empty(list.Emails);
        Assert.Empty(list.Domains);
    }

    [Fact]
    public void A_list_too_long_is_refused_whole()
    {
        var many = Enumerable.Range(0, BlockListValidator.MaxEntries + 1).Select(i => (string?)$"a{i}@exemple.fr").ToList();
        var result = BlockListValidator.Validate(many, []);

        Assert.False(result.IsValid);
        Assert.Equal("La liste tient en 2\u00A0000 entrées au plus", Assert.Single(result.Errors["emails"]));
    }
}
