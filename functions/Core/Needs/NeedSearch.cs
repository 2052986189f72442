using ConseillersEntreprises.Core.Geography;

namespace ConseillersEntreprises.Core.Needs;

/// <summary>
/// How operators find a need (<c>GET /api/admin/needs?q=</c>): by a company name (partial: each word typed starts a word
/// of the name; case and accents ignored), a SIRET (spaces ignored), a contact email (exact, case ignored) or the need id.
/// The keys a need is indexed under, and how a query reads, are decided here; storage only stores and reads them.
/// </summary>
public static class NeedSearch
{
    public const string SiretPrefix = "siret:";
    public const string EmailPrefix = "email:";
    public const string WordPrefix = "mot:";

    /// <summary>The most needs one answer lists, most recent first.</summary>
    public const int MaxResults = 50;

    /// <summary>A query's words shorter than this are not looked up alone (every name has an "a" somewhere).</summary>
    public const int MinWordLength = 2;

    /// <summary>The words of a company name as searched: lower case, no accents, split on anything but letters and digits.</summary>
    public static IReadOnlyList<string> NameWords(string? name) =>
        [.. TerritoryIndex.NormalizeName(name).Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];

    /// <summary>Every key a need can be found by: its SIRET, its contact's email, each word of its company name.</summary>
    public static IReadOnlyList<string> KeysOf(NeedState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        var keys = new List<string>();
        if (SiretDigits(state.Company.Siret) is { } siret)
        {
            keys.Add(SiretPrefix + siret);
        }

        if (EmailKey(state.Contact.Email) is { } email)
        {
            keys.Add(EmailPrefix + email);
        }

        keys.AddRange(NameWords(state.Company.Name).Select(w => WordPrefix + w));
        return keys;
    }

    /// <summary>Reads what an operator typed. Null when there is nothing to look for (blank).</summary>
    public static NeedSearchQuery? Parse(string? text)
    {
        var q = text?.Trim() ?? string.Empty;
        if (q.Length == 0)
        {
            return null;
        }

        if (q.Contains('@', StringComparison.Ordinal))
        {
            return new NeedSearchQuery(q, NeedId: null, Key: EmailPrefix + EmailKey(q), Words: []);
        }

        if (q.All(c => char.IsAsciiDigit(c) || c is ' ' or '.' or '\u00A0') && SiretDigits(q) is { } siret)
        {
            return new NeedSearchQuery(q, NeedId: null, Key: SiretPrefix + siret, Words: []);
        }

        // Anything else may be a need id (one token) and is read as company name words.
        var words = NameWords(q).Where(w => w.Length >= MinWordLength).OrderByDescending(w => w.Length).ToList();
        return new NeedSearchQuery(q, NeedId: q.Contains(' ', StringComparison.Ordinal) ? null : q, Key: null, Words: words);
    }

    /// <summary>Whether every word of the query starts a word of the name (the words as <see cref="NameWords"/> gives them).</summary>
    public static bool NameMatches(IReadOnlyList<string> queryWords, string? nameWords)
    {
        ArgumentNullException.ThrowIfNull(queryWords);
        var words = (nameWords ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return queryWords.All(q => words.Any(w => w.StartsWith(q, StringComparison.Ordinal)));
    }

    private static string? SiretDigits(string? value)
    {
        var digits = new string((value ?? string.Empty).Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 14 ? digits : null;
    }

    private static string? EmailKey(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToLowerInvariant();
}

/// <param name="Text">What was typed, trimmed.</param>
/// <param name="NeedId">Read as a need id too (a single token), or null.</param>
/// <param name="Key">An exact key (SIRET or email), or null.</param>
/// <param name="Words">Company name words of at least <see cref="NeedSearch.MinWordLength"/> letters, the longest first.</param>
public sealed record NeedSearchQuery(string Text, string? NeedId, string? Key, IReadOnlyList<string> Words);
