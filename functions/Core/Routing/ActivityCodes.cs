namespace ConseillersEntreprises.Core.Routing;

/// <summary>
/// Prefix matching for NAF and legal form codes, ignoring dots so that "56.10", "5610" and "56.10A" compare as the
/// operator means. Allocation-free: it runs on the routing hot path.
/// </summary>
public static class ActivityCodes
{
    /// <summary>Removes dots and spaces and upper-cases a code given by an operator ("56.10a" → "5610A").</summary>
    public static string Normalize(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return string.Concat(code.Where(c => c != '.' && !char.IsWhiteSpace(c))).ToUpperInvariant();
    }

    /// <summary>True when <paramref name="code"/> (dots allowed) starts with the normalized <paramref name="prefix"/>.</summary>
    public static bool StartsWith(string code, string prefix)
    {
        var p = 0;
        foreach (var c in code)
        {
            if (p == prefix.Length)
            {
                return true;
            }

            if (c == '.' || c == ' ')
            {
                continue;
            }

            if (char.ToUpperInvariant(c) != prefix[p])
            {
                return false;
            }

            p++;
        }

        return p == prefix.Length;
    }

    public static bool MatchesAny(string code, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (StartsWith(code, prefix))
            {
                return true;
            }
        }

        return false;
    }
}
