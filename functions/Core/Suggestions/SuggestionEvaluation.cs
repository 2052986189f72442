using System.Globalization;

namespace ConseillersEntreprises.Core.Suggestions;

/// <summary>
/// Measures the suggestions on an evaluation set (bench/SuggestionEval/phrasings.tsv: a need as a company head writes
/// it, tab, the subject it should find): the share of phrasings whose subject comes first (top 1) or among the first
/// three (top 3), and the misses.
/// </summary>
public static class SuggestionEvaluation
{
    /// <summary>Reads the set: a header line, then one phrasing and its subject per line; lines starting with # are comments.</summary>
    public static IReadOnlyList<EvaluationPhrasing> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var phrasings = new List<EvaluationPhrasing>();
        var header = true;
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            if (header)
            {
                header = false;
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length != 2)
            {
                throw new FormatException($"Evaluation line without exactly one tab: « {line} »");
            }

            phrasings.Add(new EvaluationPhrasing(columns[0], columns[1].Trim()));
        }

        return phrasings;
    }

    public static EvaluationReport Run(SubjectSuggestionIndex index, IReadOnlyList<EvaluationPhrasing> phrasings)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(phrasings);
        var top1 = 0;
        var top3 = 0;
        var misses = new List<EvaluationMiss>();
        foreach (var phrasing in phrasings)
        {
            var suggested = index.Suggest(phrasing.Text).Select(s => s.SubjectId).ToList();
            var rank = suggested.IndexOf(phrasing.ExpectedSubjectId);
            top1 += rank == 0 ? 1 : 0;
            top3 += rank is >= 0 and < 3 ? 1 : 0;
            if (rank != 0)
            {
                misses.Add(new EvaluationMiss(phrasing, rank < 0 ? null : rank + 1, suggested));
            }
        }

        return new EvaluationReport(phrasings.Count, top1, top3, misses);
    }
}

public sealed record EvaluationPhrasing(string Text, string ExpectedSubjectId);

/// <summary>A phrasing whose subject did not come first: its rank (1-based, none when not suggested) and what came instead.</summary>
public sealed record EvaluationMiss(EvaluationPhrasing Phrasing, int? Rank, IReadOnlyList<string> Suggested)
{
    /// <summary>One line: the rank (- when not suggested), the phrasing, the subject expected and the first three suggested.</summary>
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"{(Rank?.ToString(CultureInfo.InvariantCulture) ?? "-"),2}  {Phrasing.Text} → expected {Phrasing.ExpectedSubjectId}; got {string.Join(", ", Suggested.Take(3))}");
}

public sealed record EvaluationReport(int Count, int Top1, int Top3, IReadOnlyList<EvaluationMiss> Misses)
{
    public double Top1Rate => Count == 0 ? 0 : (double)Top1 / Count;

    public double Top3Rate => Count == 0 ? 0 : (double)Top3 / Count;
}
