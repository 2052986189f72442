using System.Collections.Frozen;
using ConseillersEntreprises.Core.Directory;

namespace ConseillersEntreprises.Core.Suggestions;

/// <summary>
/// The catalogue's subjects indexed for suggestions, built once per directory version. Each subject is a document of
/// four fields (its label, its keywords, its description, its theme's label) analysed into terms, plus the lexicon's
/// concepts found in them. A need is analysed the same way, its last word completed while it is being typed; subjects
/// are ranked by a BM25F-like score: for each term of the need, its rarity among subjects (idf) times its field-weighted
/// frequency in the subject, saturated.
/// Misspellings are left to the analysis (folded accents, light stemming that also merges doubled letters): a correction
/// to the nearest known word (edit distance) was measured on the evaluation set and removed, it gained no phrasing and
/// lost two top-3 hits (see the README's figures).
/// </summary>
public sealed class SubjectSuggestionIndex
{
    public const int DefaultMaximum = 5;

    private readonly SubjectEntry[] _subjects;
    private readonly FrozenDictionary<string, Posting[]> _postings;
    private readonly SuggestionLexicon _lexicon;
    private readonly SuggestionWeights _weights;
    private readonly FrozenSet<string> _vocabulary;
    private readonly string[] _indexTerms;

    private SubjectSuggestionIndex(SubjectEntry[] subjects, FrozenDictionary<string, Posting[]> postings, SuggestionLexicon lexicon, SuggestionWeights weights)
    {
        _subjects = subjects;
        _postings = postings;
        _lexicon = lexicon;
        _weights = weights;
        _indexTerms = [.. postings.Keys.Where(t => t[0] != SuggestionLexicon.ConceptMark).Order(StringComparer.Ordinal)];
        _vocabulary = _indexTerms.Concat(lexicon.Terms).ToFrozenSet(StringComparer.Ordinal);
    }

    public int SubjectCount => _subjects.Length;

    public static SubjectSuggestionIndex Build(IEnumerable<Theme> themes, SuggestionLexicon? lexicon = null, SuggestionWeights? weights = null)
    {
        ArgumentNullException.ThrowIfNull(themes);
        lexicon ??= SuggestionLexicon.Default;
        weights ??= SuggestionWeights.Default;
        var subjects = new List<SubjectEntry>();
        var frequencies = new List<Dictionary<string, double>>();
        foreach (var theme in themes)
        {
            var themeTerms = Analyse(theme.Label, lexicon);
            foreach (var subject in theme.Subjects)
            {
                subjects.Add(new SubjectEntry(subject.Id, subject.Label, theme.Id, theme.Label));
                var weighted = new Dictionary<string, double>(StringComparer.Ordinal);
                Add(weighted, Analyse(subject.Label, lexicon), weights.Label);
                foreach (var keyword in subject.Keywords ?? [])
                {
                    Add(weighted, Analyse(keyword, lexicon), weights.Keywords);
                }

                Add(weighted, Analyse(subject.Description, lexicon), weights.Description);
                Add(weighted, themeTerms, weights.Theme);
                frequencies.Add(weighted);
            }
        }

        var count = subjects.Count;
        var postings = frequencies
            .SelectMany((terms, subject) => terms.Select(t => (Term: t.Key, Subject: subject, Frequency: t.Value)))
            .GroupBy(p => p.Term, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g =>
            {
                var containing = g.Count();
                var idf = Math.Log(1 + ((count - containing + 0.5) / (containing + 0.5)));
                return g.Select(p => new Posting(p.Subject, idf * p.Frequency * (weights.Saturation + 1) / (p.Frequency + weights.Saturation))).ToArray();
            }, StringComparer.Ordinal);
        return new SubjectSuggestionIndex([.. subjects], postings, lexicon, weights);
    }

    /// <summary>At most <paramref name="maximum"/> subjects for a need written in everyday words, best first; none when nothing fits.</summary>
    public IReadOnlyList<SubjectSuggestion> Suggest(string? need, int maximum = DefaultMaximum)
    {
        if (string.IsNullOrWhiteSpace(need) || maximum <= 0 || _subjects.Length == 0)
        {
            return [];
        }

        var query = QueryTerms(need);
        if (query.Count == 0)
        {
            return [];
        }

        var scores = new double[_subjects.Length];
        foreach (var (term, weight) in query)
        {
            if (_postings.TryGetValue(term, out var postings))
            {
                foreach (var posting in postings)
                {
                    scores[posting.Subject] += weight * posting.Score;
                }
            }
        }

        var best = scores.Max();
        if (best <= 0)
        {
            return [];
        }

        return [.. Enumerable.Range(0, scores.Length)
            .Where(s => scores[s] > 0 && scores[s] >= best * _weights.MinimumRelativeScore)
            .OrderByDescending(s => scores[s])
            .ThenBy(s => s)
            .Take(maximum)
            .Select(s => new SubjectSuggestion(_subjects[s].Id, _subjects[s].Label, _subjects[s].ThemeId, _subjects[s].ThemeLabel, scores[s]))];
    }

    /// <summary>The need's terms and concepts, each with its weight (the highest when it comes several ways).</summary>
    private Dictionary<string, double> QueryTerms(string need)
    {
        var query = new Dictionary<string, double>(StringComparer.Ordinal);
        var terms = FrenchTextAnalyzer.Terms(need);
        var beingTyped = char.IsLetterOrDigit(need[^1]);
        foreach (var term in terms)
        {
            Raise(query, term, 1);
        }

        // The last word, still being typed, stands for the subjects' words it starts ("recru" → "recruter").
        if (beingTyped && terms.Count > 0 && !_vocabulary.Contains(terms[^1]))
        {
            foreach (var completed in Completions(terms[^1]))
            {
                Raise(query, completed, _weights.Completed);
                foreach (var concept in _lexicon.Concepts([completed]))
                {
                    Raise(query, concept, _weights.Completed * _weights.Concept);
                }
            }
        }

        foreach (var concept in _lexicon.Concepts(terms))
        {
            Raise(query, concept, _weights.Concept);
        }

        return query;
    }

    /// <summary>The subjects' words that start with a word being typed (3 letters or more), at most 10.</summary>
    private IEnumerable<string> Completions(string prefix)
    {
        if (prefix.Length < 3)
        {
            return [];
        }

        var start = Array.BinarySearch(_indexTerms, prefix, StringComparer.Ordinal);
        start = start < 0 ? ~start : start;
        return _indexTerms.Skip(start).TakeWhile(t => t.StartsWith(prefix, StringComparison.Ordinal)).Take(10);
    }

    private static void Raise(Dictionary<string, double> query, string term, double weight)
    {
        if (!query.TryGetValue(term, out var current) || current < weight)
        {
            query[term] = weight;
        }
    }

    private static List<string> Analyse(string? text, SuggestionLexicon lexicon)
    {
        var terms = FrenchTextAnalyzer.Terms(text);
        return [.. terms, .. lexicon.Concepts(terms)];
    }

    private static void Add(Dictionary<string, double> weighted, List<string> terms, double weight)
    {
        foreach (var term in terms)
        {
            weighted[term] = weighted.GetValueOrDefault(term) + weight;
        }
    }

    private sealed record SubjectEntry(string Id, string Label, string ThemeId, string ThemeLabel);

    private readonly record struct Posting(int Subject, double Score);
}
