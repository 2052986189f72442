using System.Collections.Frozen;
using System.Reflection;

namespace ConseillersEntreprises.Core.Suggestions;

/// <summary>
/// The French business and administrative vocabulary (Data/lexique.txt, embedded): groups of words and expressions
/// that say the same thing. Each expression is analysed like any text (<see cref="FrenchTextAnalyzer"/>), and every
/// group becomes one concept: a text that contains any expression of a group gets that group's concept term, so that
/// "chômage partiel" in a need meets "activité partielle" in a subject. The lexicon maps words to words, never to a
/// subject, so it serves any catalogue.
/// </summary>
public sealed class SuggestionLexicon
{
    /// <summary>Concept terms start with a character the analyzer never outputs, so they cannot meet a word.</summary>
    public const char ConceptMark = '~';

    private readonly FrozenDictionary<string, Expression[]> _byFirstTerm;

    private SuggestionLexicon(IEnumerable<Expression> expressions, int groupCount)
    {
        var list = expressions.ToList();
        _byFirstTerm = list.GroupBy(e => e.Terms[0], StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(e => e.Terms.Length).ToArray(), StringComparer.Ordinal);
        Terms = list.SelectMany(e => e.Terms).ToFrozenSet(StringComparer.Ordinal);
        GroupCount = groupCount;
    }

    /// <summary>The lexicon shipped with the app.</summary>
    public static SuggestionLexicon Default { get; } = LoadEmbedded();

    /// <summary>Every analysed term of the lexicon's expressions: a word being typed that is one of them is not completed.</summary>
    public FrozenSet<string> Terms { get; }

    public int GroupCount { get; }

    /// <summary>Reads groups, one per line, expressions separated by « | »; blank lines and lines starting with # are skipped.</summary>
    public static SuggestionLexicon Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var expressions = new List<Expression>();
        var group = 0;
        while (reader.ReadLine() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line) || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            var concept = $"{ConceptMark}{group++}";
            foreach (var text in line.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                var terms = FrenchTextAnalyzer.Terms(text);
                if (terms.Count > 0)
                {
                    expressions.Add(new Expression([.. terms], concept));
                }
            }
        }

        return new SuggestionLexicon(expressions, group);
    }

    /// <summary>The concepts whose expressions occur in <paramref name="terms"/> (analysed text), once per occurrence.</summary>
    public IEnumerable<string> Concepts(IReadOnlyList<string> terms)
    {
        ArgumentNullException.ThrowIfNull(terms);
        for (var start = 0; start < terms.Count; start++)
        {
            if (!_byFirstTerm.TryGetValue(terms[start], out var candidates))
            {
                continue;
            }

            // One concept per place: two expressions of one group starting at the same word count once.
            var found = new HashSet<string>(StringComparer.Ordinal);
            foreach (var expression in candidates)
            {
                if (Matches(expression.Terms, terms, start) && found.Add(expression.Concept))
                {
                    yield return expression.Concept;
                }
            }
        }
    }

    private static bool Matches(string[] expression, IReadOnlyList<string> terms, int start)
    {
        if (start + expression.Length > terms.Count)
        {
            return false;
        }

        for (var i = 1; i < expression.Length; i++)
        {
            if (!string.Equals(expression[i], terms[start + i], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static SuggestionLexicon LoadEmbedded()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("lexique.txt")
            ?? throw new InvalidOperationException("The embedded suggestion lexicon (lexique.txt) is missing.");
        using var reader = new StreamReader(stream);
        return Parse(reader);
    }

    private sealed record Expression(string[] Terms, string Concept);
}
