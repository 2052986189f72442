using ConseillersEntreprises.App.Directory;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Core.Stats;

namespace ConseillersEntreprises.App.Stats;

/// <summary>
/// The query of every stats route (public, partner, manager): <c>from</c>, <c>to</c> ("yyyy-MM"), <c>region</c> (INSEE
/// code), <c>theme</c> (catalogue id), checked the same way with the same French messages, field by field.
/// </summary>
public sealed class StatsQueryParser(TimeProvider time, TerritoryIndex territories, CurrentDirectory directory)
{
    /// <summary>Defaults: the last 12 months up to the current one (Europe/Paris), all of France, every theme.</summary>
    public (StatsQuery? Query, Dictionary<string, string[]>? Errors) Parse(IQueryCollection query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return Parse(query["from"], query["to"], query["region"], query["theme"]);
    }

    private (StatsQuery? Query, Dictionary<string, string[]>? Errors) Parse(string? from, string? to, string? region, string? theme)
    {
        var errors = new Dictionary<string, string[]>();
        var currentMonth = StatsMonth.TryParse(StatsMonth.Of(time.GetUtcNow()), out var now) ? now : default;
        var toMonth = currentMonth;
        if (!string.IsNullOrWhiteSpace(to) && !StatsMonth.TryParse(to.Trim(), out toMonth))
        {
            errors["to"] = ["Mois de fin invalide : attendu au format AAAA-MM, par exemple 2026-06"];
            toMonth = currentMonth; // only to derive a default start below; the query is refused anyway
        }

        var fromMonth = toMonth.AddMonths(-11);
        if (!string.IsNullOrWhiteSpace(from) && !StatsMonth.TryParse(from.Trim(), out fromMonth))
        {
            errors["from"] = ["Mois de début invalide : attendu au format AAAA-MM, par exemple 2026-01"];
        }

        if (errors.Count == 0)
        {
            if (fromMonth > toMonth)
            {
                errors["from"] = ["Le mois de début doit précéder le mois de fin"];
            }
            else if (StatsMonth.Count(fromMonth, toMonth) > StatsQuery.MaxMonths)
            {
                errors["from"] = [$"La période ne peut pas dépasser {StatsQuery.MaxMonths} mois"];
            }
        }

        var regionCode = string.IsNullOrWhiteSpace(region) ? null : region.Trim();
        if (regionCode is not null && !territories.IsRegion(regionCode))
        {
            errors["region"] = ["Région inconnue : attendu un code de région INSEE, par exemple 84"];
        }

        var themeId = string.IsNullOrWhiteSpace(theme) ? null : theme.Trim();
        if (themeId is not null && directory.Snapshot?.ThemeLabels.ContainsKey(themeId) != true)
        {
            errors["theme"] = ["Thématique inconnue"];
        }

        return errors.Count > 0 ? (null, errors) : (new StatsQuery(fromMonth, toMonth, regionCode, themeId), null);
    }
}
