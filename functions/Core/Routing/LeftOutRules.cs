namespace ConseillersEntreprises.Core.Routing;

/// <summary>
/// The rules that leave a competent advisor out of a need, as the explanation names them (<see cref="LeftOutAdvisor.Rule"/>),
/// with the French label operators read, in the order they are worth reading: a filter says something about this company,
/// a territory only that the advisor works elsewhere.
/// </summary>
public static class LeftOutRules
{
    public const string Filter = "filter";
    public const string Inactive = "inactive";
    public const string Commune = "commune";
    public const string Territory = "territory";

    /// <summary>Where a group of left-out advisors is shown: filters first, territories last (a stable sort keeps directory order within).</summary>
    public static int ReadingRank(string rule) => rule switch
    {
        Filter => 0,
        Inactive => 1,
        Commune => 2,
        Territory => 3,
        _ => 4,
    };

    public static string Label(string rule) => rule switch
    {
        Filter => "Écarté par un filtre (taille, secteur, ancienneté, forme juridique ou commune de l'entreprise)",
        Inactive => "Conseiller inactif",
        Commune => "Commune inconnue",
        Territory => "Hors du territoire du conseiller",
        _ => rule,
    };
}
