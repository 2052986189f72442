using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.Fr;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace ConseillersEntreprises.Core.Suggestions;

/// <summary>
/// Turns French text into the terms the suggestions compare: words split by Lucene's standard tokenizer, elisions
/// removed (l', d', qu'…), lower-cased, accents folded, stop words dropped, then light stemming (plurals, feminine and
/// common suffixes). Accents are folded BEFORE stemming so that "activité" and "activite" (people often type without
/// accents) give the same term. Thread-safe: Lucene's analyzer keeps one token stream per thread.
/// </summary>
public static class FrenchTextAnalyzer
{
    private static readonly LuceneVersion Version = LuceneVersion.LUCENE_48;
    private static readonly Analyzer Analyzer = new SuggestionAnalyzer();

    /// <summary>The terms of <paramref name="text"/>, in order (duplicates kept).</summary>
    public static IReadOnlyList<string> Terms(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var terms = new List<string>();
        using var stream = Analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            terms.Add(term.ToString());
        }

        stream.End();
        return terms;
    }

    /// <summary>
    /// Lucene's French stop words, folded like the text (so that "a" for "à" or "etait" is dropped too), plus the
    /// apostrophe-less elided forms ("j ai", "qu il") that tokenizing leaves as one-letter words.
    /// </summary>
    private static CharArraySet StopWords()
    {
        var words = new CharArraySet(Version, 200, ignoreCase: false);
        foreach (var word in FrenchAnalyzer.DefaultStopSet)
        {
            words.Add(Fold(word.ToString()!));
        }

        foreach (var word in new[] { "a", "c", "d", "j", "l", "m", "n", "qu", "s", "t", "y", "ca", "cela", "ceci", "tout", "tous", "toutes", "tres", "trop", "comment", "quoi", "quel", "quelle", "quels", "quelles", "faire", "fait", "veux", "voudrais", "souhaite", "souhaiterais", "besoin", "cherche", "chercher", "mon", "ma", "mes", "notre", "nos", "ai", "avons", "suis", "sommes" })
        {
            words.Add(word);
        }

        return words;
    }

    private static string Fold(string word)
    {
        var output = new char[word.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(word.ToCharArray(), 0, output, 0, word.Length);
        return new string(output, 0, length);
    }

    private sealed class SuggestionAnalyzer : Analyzer
    {
        private readonly CharArraySet _stopWords = StopWords();

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            var source = new StandardTokenizer(Version, reader);
            TokenStream stream = new ElisionFilter(source, FrenchAnalyzer.DEFAULT_ARTICLES);
            stream = new LowerCaseFilter(Version, stream);
            stream = new ASCIIFoldingFilter(stream);
            stream = new StopFilter(Version, stream, _stopWords);
            stream = new FrenchLightStemFilter(stream);
            return new TokenStreamComponents(source, stream);
        }
    }
}
