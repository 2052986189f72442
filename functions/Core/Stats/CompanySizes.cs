using ConseillersEntreprises.Core.Routing;

namespace ConseillersEntreprises.Core.Stats;

/// <summary>The company sizes of the stats (the usual French TPE / PME / ETI split), from the INSEE headcount bracket.</summary>
public static class CompanySizes
{
    public const string Unknown = "inconnu";

    public static string KeyOf(string? headcountBracket)
    {
        if (!HeadcountBrackets.TryGetRange(headcountBracket, out var min, out _))
        {
            return Unknown;
        }

        return min switch
        {
            < 10 => "0-9",
            < 50 => "10-49",
            < 250 => "50-249",
            _ => "250+",
        };
    }

    public static string Label(string key) => key switch
    {
        "0-9" => "0 à 9 salariés",
        "10-49" => "10 à 49 salariés",
        "50-249" => "50 à 249 salariés",
        "250+" => "250 salariés ou plus",
        _ => "Effectif inconnu",
    };
}
