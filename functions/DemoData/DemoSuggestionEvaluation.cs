using ConseillersEntreprises.Core.Suggestions;

namespace ConseillersEntreprises.DemoData;

/// <summary>
/// The evaluation set (bench/SuggestionEval/phrasings.tsv, copied beside the assemblies that measure with it) run over
/// the demo catalogue: what <c>suggest-eval</c> prints and the hit-rate regression test asserts, measured one way.
/// </summary>
public static class DemoSuggestionEvaluation
{
    public const string PhrasingsFile = "phrasings.tsv";

    /// <summary>The evaluation set, read from beside the running assembly.</summary>
    public static IReadOnlyList<EvaluationPhrasing> Phrasings()
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, PhrasingsFile));
        return SuggestionEvaluation.Parse(reader);
    }

    /// <summary>The demo catalogue, with its operators' keywords or without them (the fair figure: they were written knowing the set).</summary>
    public static List<Core.Directory.Theme> Themes(bool withKeywords = true) => withKeywords
        ? Catalogue.CreateThemes()
        : [.. Catalogue.CreateThemes().Select(t => t with { Subjects = [.. t.Subjects.Select(s => s with { Keywords = null })] })];

    /// <summary>The hit rates of the suggestions built with <paramref name="weights"/> and <paramref name="lexicon"/> (the defaults when null).</summary>
    public static EvaluationReport Run(
        IReadOnlyList<EvaluationPhrasing> phrasings, SuggestionWeights? weights = null, SuggestionLexicon? lexicon = null, bool withKeywords = true) =>
        SuggestionEvaluation.Run(SubjectSuggestionIndex.Build(Themes(withKeywords), lexicon, weights), phrasings);
}
