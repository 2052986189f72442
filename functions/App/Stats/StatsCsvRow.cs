using CsvHelper.Configuration.Attributes;

namespace ConseillersEntreprises.App.Stats;

/// <summary>
/// One month of the stats CSV. Shares are decimals between 0 and 1 with a dot, empty when no need was submitted; new
/// columns go at the end, so that spreadsheets built on the earlier ones keep working.
/// </summary>
public sealed class StatsCsvRow
{
    [Name("mois")]
    public string Month { get; init; } = string.Empty;

    [Name("besoins_deposes")]
    public int Submitted { get; init; }

    [Name("transmis")]
    public int Transmitted { get; init; }

    [Name("avec_echange")]
    public int Exchange { get; init; }

    [Name("clotures_avec_aide")]
    public int Helped { get; init; }

    [Name("pris_en_charge_sous_5_jours")]
    public int TakenOnWithin5Days { get; init; }

    [Name("part_transmis")]
    public double? TransmittedShare { get; init; }

    [Name("part_avec_echange")]
    public double? ExchangeShare { get; init; }

    [Name("part_clotures_avec_aide")]
    public double? HelpedShare { get; init; }

    [Name("part_pris_en_charge_sous_5_jours")]
    public double? TakenOnWithin5DaysShare { get; init; }

    /// <summary>Of the needs submitted, those partner institutions sent through the API (the rest came from the site).</summary>
    [Name("dont_deposes_par_partenaires")]
    public int FromPartners { get; init; }

    /// <summary>The median delay from submission to the first take-on, in days with one decimal; empty when no need was taken on.</summary>
    [Name("delai_median_premiere_prise_en_charge_jours")]
    public double? MedianDaysToFirstTakeOn { get; init; }
}
