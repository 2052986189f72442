using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Suggestions;

namespace ConseillersEntreprises.Core.Tests.Suggestions;

/// <summary>
/// The ranking on a small catalogue made up here, with ids that say nothing ("s1"…): what finds a subject is its
/// words, the operators' keywords and the lexicon, never its id.
/// </summary>
public sealed class SubjectSuggestionIndexTests
{
    private static Subject Subject(string id, string label, string description, List<string>? keywords = null) =>
        new() { Id = id, Label = label, Description = description, Keywords = keywords };

    private static List<Theme> Catalogue(List<string>? keywordsOfS6 = null) =>
    [
        new Theme
        {
            Id = "t1", Label = "Argent",
            Subjects =
            [
                Subject("s1", "Faire face à des difficultés de trésorerie", "Retards de paiement, découvert : retrouver de l'air."),
                Subject("s2", "Obtenir un prêt bancaire", "Préparer votre dossier pour la banque."),
                Subject("s3", "Tenir sa comptabilité", "Choisir un logiciel, classer ses pièces."),
            ],
        },
        new Theme
        {
            Id = "t2", Label = "Équipe",
            Subjects =
            [
                Subject("s4", "Recruter un salarié", "Trouver le bon profil et rédiger l'offre."),
                Subject("s5", "Activité partielle", "Réduire un temps les heures de vos salariés quand le travail manque."),
            ],
        },
        new Theme
        {
            Id = "t3", Label = "Administration",
            Subjects =
            [
                Subject("s6", "Accomplir ses formalités", "Démarches auprès du greffe.", keywordsOfS6),
                Subject("s7", "Régler ses cotisations sociales", "Étaler une dette, demander un délai."),
                Subject("s8", "Déclarer la taxe sur la valeur ajoutée", "Taux, échéances, crédit de taxe."),
                Subject("s9", "Vendre son entreprise", "Trouver un repreneur, estimer sa valeur."),
            ],
        },
    ];

    private static readonly SubjectSuggestionIndex Index = SubjectSuggestionIndex.Build(Catalogue());

    private static List<string> Ids(IEnumerable<SubjectSuggestion> suggestions) => [.. suggestions.Select(s => s.SubjectId)];

    [Theory]
    [InlineData("je voudrais embaucher un cuisinier", "s4")]  // embaucher → recruter
    [InlineData("ma trésorerie est à sec", "s1")]
    [InlineData("chômage technique pour mes ouvriers", "s5")] // chômage technique → activité partielle
    [InlineData("l'URSSAF me réclame", "s7")]                // URSSAF → cotisations sociales
    [InlineData("TVA", "s8")]                                 // TVA → taxe sur la valeur ajoutée
    [InlineData("je veux vendre ma boîte", "s9")]             // boîte → entreprise
    [InlineData("la banque", "s2")]
    public void An_everyday_need_finds_its_subject_first(string need, string expected)
    {
        var suggestions = Index.Suggest(need);

        Assert.NotEmpty(suggestions);
        Assert.Equal(expected, suggestions[0].SubjectId);
    }

    [Fact]
    public void A_suggestion_carries_its_subject_and_its_theme()
    {
        var first = Index.Suggest("embaucher")[0];

        Assert.Equal(("s4", "Recruter un salarié", "t2", "Équipe"), (first.SubjectId, first.Label, first.ThemeId, first.ThemeLabel));
    }

    [Theory]
    [InlineData("embaucher un cuisinier", "s4")]
    [InlineData("chômage technique", "s5")]
    [InlineData("l'URSSAF", "s7")]
    [InlineData("ma boîte", "s9")]
    public void Without_the_lexicon_everyday_words_find_nothing(string need, string foundWithTheLexicon)
    {
        var wordsOnly = SubjectSuggestionIndex.Build(Catalogue(), SuggestionLexicon.Parse(new StringReader(string.Empty)));

        Assert.Equal(foundWithTheLexicon, Index.Suggest(need)[0].SubjectId);
        Assert.DoesNotContain(foundWithTheLexicon, Ids(wordsOnly.Suggest(need)));
    }

    [Fact]
    public void Renaming_subjects_moves_the_suggestions_with_their_words()
    {
        var renamed = Catalogue();
        var equipe = renamed[1].Subjects;
        renamed[1] = renamed[1] with
        {
            Subjects = [equipe[0] with { Label = equipe[1].Label, Description = equipe[1].Description }, equipe[1] with { Label = equipe[0].Label, Description = equipe[0].Description }],
        };
        var index = SubjectSuggestionIndex.Build(renamed);

        Assert.Equal("s4", Index.Suggest("embaucher")[0].SubjectId);
        Assert.Equal("s5", index.Suggest("embaucher")[0].SubjectId);
        Assert.Equal("Recruter un salarié", index.Suggest("embaucher")[0].Label);
        Assert.Equal("s4", index.Suggest("chômage partiel")[0].SubjectId);
    }

    [Fact]
    public void An_operator_s_keyword_makes_a_word_find_its_subject()
    {
        var withKeyword = SubjectSuggestionIndex.Build(Catalogue(["extrait Kbis"]));

        Assert.Empty(Index.Suggest("un Kbis"));
        Assert.Equal("s6", withKeyword.Suggest("un Kbis")[0].SubjectId);
    }

    [Fact]
    public void An_operator_s_keyword_changes_the_ranking()
    {
        // "dossier" is in the loan's description only; as a keyword of the formalities it outweighs it.
        var withKeyword = SubjectSuggestionIndex.Build(Catalogue(["dossier"]));

        Assert.Equal("s2", Index.Suggest("mon dossier")[0].SubjectId);
        Assert.Equal(["s6", "s2"], Ids(withKeyword.Suggest("mon dossier")));
    }

    [Fact]
    public void At_most_five_subjects_come_best_first()
    {
        var many = new List<Theme>
        {
            new()
            {
                Id = "t", Label = "Export",
                Subjects = [.. Enumerable.Range(1, 8).Select(i => Subject($"e{i}", $"Exporter en zone {i}", string.Join(' ', Enumerable.Repeat("export", i))))],
            },
        };
        var index = SubjectSuggestionIndex.Build(many);

        var suggestions = index.Suggest("export");

        Assert.Equal(5, suggestions.Count);
        Assert.Equal(["e8", "e7", "e6", "e5", "e4"], Ids(suggestions));
        Assert.Equal(suggestions.OrderByDescending(s => s.Score).Select(s => s.SubjectId), Ids(suggestions));
        Assert.Equal(["e8", "e7"], Ids(index.Suggest("export", maximum: 2)));
    }

    [Fact]
    public void A_word_of_the_label_outweighs_the_same_word_in_a_description()
    {
        var suggestions = Index.Suggest("salariés");

        Assert.Equal(["s4", "s5"], Ids(suggestions));
        Assert.True(suggestions[0].Score > suggestions[1].Score);
    }

    [Theory]
    [InlineData("tresorerie", "s1")]   // accents left out
    [InlineData("tréssorerie", "s1")]  // a letter doubled
    [InlineData("recrutter", "s4")]
    [InlineData("formalitées", "s6")]  // a wrong ending
    [InlineData("comptabilitée", "s3")]
    public void Common_misspellings_are_absorbed_by_the_analysis(string need, string expected) =>
        Assert.Equal(expected, Index.Suggest(need)[0].SubjectId);

    [Theory]
    [InlineData("comptabilté")]  // a letter missing inside the word
    [InlineData("compatbilité")] // two letters swapped
    public void A_misspelling_the_analysis_does_not_absorb_gets_no_guess(string need) =>
        Assert.Empty(Index.Suggest(need + " "));

    [Theory]
    [InlineData("comptab", "s3")]
    [InlineData("je veux recru", "s4")]
    [InlineData("repren", "s9")]
    public void The_word_being_typed_is_completed(string need, string expected) =>
        Assert.Equal(expected, Index.Suggest(need)[0].SubjectId);

    [Fact]
    public void A_finished_word_is_not_completed()
    {
        Assert.NotEmpty(Index.Suggest("repren"));
        Assert.Empty(Index.Suggest("repren "));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("    ")]
    [InlineData("?!;…")]
    [InlineData("le la les de")]
    [InlineData("xqzwv")]
    [InlineData("bonjour")]
    public void A_blank_or_unknown_need_gets_no_suggestion(string? need) => Assert.Empty(Index.Suggest(need));

    [Fact]
    public void An_empty_catalogue_suggests_nothing() =>
        Assert.Empty(SubjectSuggestionIndex.Build([]).Suggest("recruter"));
}
