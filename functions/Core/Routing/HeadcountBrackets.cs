namespace ConseillersEntreprises.Core.Routing;

/// <summary>INSEE headcount brackets ("tranche d'effectif salarié") as employee ranges.</summary>
public static class HeadcountBrackets
{
    /// <summary>Returns the inclusive employee range of an INSEE bracket code, or false for unknown codes ("NN", null).</summary>
    public static bool TryGetRange(string? code, out int min, out int max)
    {
        (min, max) = code switch
        {
            "00" => (0, 0),
            "01" => (1, 2),
            "02" => (3, 5),
            "03" => (6, 9),
            "11" => (10, 19),
            "12" => (20, 49),
            "21" => (50, 99),
            "22" => (100, 199),
            "31" => (200, 249),
            "32" => (250, 499),
            "41" => (500, 999),
            "42" => (1000, 1999),
            "51" => (2000, 4999),
            "52" => (5000, 9999),
            "53" => (10000, int.MaxValue),
            _ => (-1, -1),
        };
        return min >= 0;
    }

    /// <summary>The bracket as French text for explanations, e.g. "10 à 19 salariés".</summary>
    public static string Describe(string? code) =>
        !TryGetRange(code, out var min, out var max) ? "effectif inconnu"
        : max == int.MaxValue ? $"{min} salariés ou plus"
        : min == max ? $"{min} salarié"
        : $"{min} à {max} salariés";
}
