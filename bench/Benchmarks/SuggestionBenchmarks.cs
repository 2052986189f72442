using BenchmarkDotNet.Attributes;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Suggestions;
using ConseillersEntreprises.DemoData;

namespace ConseillersEntreprises.Benchmarks;

/// <summary>
/// One subject suggestion (GET /api/subjects/suggest without HTTP) on a 50-subject catalogue: the demo's 42 subjects and
/// 8 more (copies of the first ones under other ids), for phrasings of the evaluation set taken in turn.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class SuggestionBenchmarks
{
    private SubjectSuggestionIndex _index = null!;
    private string[] _phrasings = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        var themes = Catalogue.CreateThemes();
        var extra = themes.SelectMany(t => t.Subjects).Take(8).Select(s => s with { Id = s.Id + "-bis" }).ToList();
        themes.Add(new Theme { Id = "autres", Label = "Autres sujets", Subjects = extra });
        _index = SubjectSuggestionIndex.Build(themes);
        _phrasings = [.. DemoSuggestionEvaluation.Phrasings().Select(p => p.Text)];
        Console.WriteLine($"// {_index.SubjectCount} subjects, {_phrasings.Length} phrasings");
    }

    /// <summary>One need's suggestions; successive invocations go through the evaluation set.</summary>
    [Benchmark]
    public IReadOnlyList<SubjectSuggestion> OneSuggestion() => _index.Suggest(_phrasings[_next++ % _phrasings.Length]);
}
