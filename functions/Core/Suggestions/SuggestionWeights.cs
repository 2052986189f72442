namespace ConseillersEntreprises.Core.Suggestions;

/// <summary>
/// The ranking's parameters. The defaults were measured on the evaluation set (bench/SuggestionEval, run with
/// <c>dotnet run -c Release --project bench/Benchmarks -- suggest-eval</c>, which also shows what each one gains).
/// </summary>
public sealed record SuggestionWeights
{
    public static SuggestionWeights Default { get; } = new();

    /// <summary>A term in the subject's label.</summary>
    public double Label { get; init; } = 3.0;

    /// <summary>A term in one of the subject's keywords (the operators' own synonyms).</summary>
    public double Keywords { get; init; } = 3.0;

    /// <summary>A term in the subject's description.</summary>
    public double Description { get; init; } = 1.0;

    /// <summary>A term in the label of the subject's theme (shared by its siblings, so it mostly breaks ties).</summary>
    public double Theme { get; init; } = 0.5;

    /// <summary>BM25 saturation: how fast repeated occurrences of one term stop adding.</summary>
    public double Saturation { get; init; } = 1.2;

    /// <summary>The weight of a concept of the lexicon found in the need, next to a word typed as is (1).</summary>
    public double Concept { get; init; } = 0.8;

    /// <summary>The weight of a word being typed (the query's last word, not yet followed by a space) completed to a longer one.</summary>
    public double Completed { get; init; } = 0.5;

    /// <summary>Suggestions scoring less than this fraction of the best one are left out.</summary>
    public double MinimumRelativeScore { get; init; } = 0.2;
}
