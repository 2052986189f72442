using System.Globalization;
using ConseillersEntreprises.Core.Suggestions;
using ConseillersEntreprises.DemoData;

namespace ConseillersEntreprises.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project bench/Benchmarks -- suggest-eval</c>: the suggestions' hit rates on the evaluation set
/// (bench/SuggestionEval/phrasings.tsv) over the demo catalogue, the misses, then what each ranking choice gains (the
/// rates with that choice undone, the others kept).
/// <c>suggest-eval terms "some text"</c> shows how a text is analysed.
/// </summary>
internal static class SuggestionEvalCommand
{
    public static int Run(string[] args)
    {
        if (args.Length > 1 && args[1] == "terms")
        {
            foreach (var text in args.Skip(2))
            {
                var terms = FrenchTextAnalyzer.Terms(text);
                Console.WriteLine($"{text} → {string.Join(' ', terms)} | {string.Join(' ', SuggestionLexicon.Default.Concepts(terms))}");
            }

            return 0;
        }

        var phrasings = DemoSuggestionEvaluation.Phrasings();
        var report = DemoSuggestionEvaluation.Run(phrasings);
        Console.WriteLine($"Demo catalogue: {DemoSuggestionEvaluation.Themes().Sum(t => t.Subjects.Count)} subjects; lexicon: {SuggestionLexicon.Default.GroupCount} groups; {report.Count} phrasings");
        Console.WriteLine(Rates("default weights", report));
        Console.WriteLine();
        Console.WriteLine("Misses (rank of the expected subject, or -, then what came first):");
        foreach (var miss in report.Misses.OrderBy(m => m.Rank ?? 99))
        {
            Console.WriteLine($"  {miss.Describe()}");
        }

        Console.WriteLine();
        Console.WriteLine("Each choice undone, the others kept:");
        var d = SuggestionWeights.Default;
        var variants = new (string Name, SuggestionWeights Weights, SuggestionLexicon? Lexicon)[]
        {
            ("no lexicon (words only)", d, SuggestionLexicon.Parse(new StringReader(string.Empty))),
            ("no completion of the last word", d with { Completed = 0 }, null),
            ("all fields weigh 1", d with { Label = 1, Keywords = 1, Description = 1, Theme = 1 }, null),
            ("label weighs as the description", d with { Label = d.Description }, null),
            ("no theme label", d with { Theme = 0 }, null),
            ("concepts weigh as words (1)", d with { Concept = 1 }, null),
            ("concepts weigh 0.5", d with { Concept = 0.5 }, null),
            ("no saturation (k1 = 100)", d with { Saturation = 100 }, null),
            ("strong saturation (k1 = 0.3)", d with { Saturation = 0.3 }, null),
        };
        foreach (var (name, weights, lexicon) in variants)
        {
            Console.WriteLine(Rates(name, DemoSuggestionEvaluation.Run(phrasings, weights, lexicon)));
        }

        // The demo catalogue's keywords were added with the evaluation set in mind: the rates without them are the fair ones.
        Console.WriteLine(Rates("no demo keywords", DemoSuggestionEvaluation.Run(phrasings, withKeywords: false)));

        return 0;
    }

    private static string Rates(string name, EvaluationReport report) =>
        string.Create(CultureInfo.InvariantCulture, $"  {name,-34} top-1 {report.Top1Rate,6:P1} ({report.Top1}/{report.Count})   top-3 {report.Top3Rate,6:P1} ({report.Top3}/{report.Count})");
}
