using Azure.Data.Tables;
using ConseillersEntreprises.Core.Stats;

namespace ConseillersEntreprises.Storage.Stats;

/// <summary>
/// The columns of a <see cref="NeedStatsRow"/>, the same in both stats tables (<c>needstats</c> and <c>partnerstats</c>,
/// which only key them differently), so that a field added to the row is stored and read back in both at once.
/// </summary>
internal static class NeedStatsColumns
{
    public static TableEntity Entity(string partitionKey, string rowKey, NeedStatsRow row) => new(partitionKey, rowKey)
    {
        ["ThemeId"] = row.ThemeId,
        ["RegionCode"] = row.RegionCode,
        ["SizeKey"] = row.SizeKey,
        ["SectorKey"] = row.SectorKey,
        ["SourceKey"] = row.SourceKey,
        ["Transmitted"] = row.Transmitted,
        ["Exchange"] = row.Exchange,
        ["Helped"] = row.Helped,
        ["TakenOnWithin5Days"] = row.TakenOnWithin5Days,
        ["FirstTakenOnAfterSeconds"] = row.FirstTakenOnAfter is { } delay ? DelayMedian.Seconds(delay) : null,
        ["CompanyKey"] = row.CompanyKey,
    };

    public static NeedStatsRow Row(TableEntity e, string needId, string month) => new()
    {
        NeedId = needId,
        Month = month,
        ThemeId = e.GetString("ThemeId"),
        RegionCode = e.GetString("RegionCode"),
        SizeKey = e.GetString("SizeKey") ?? CompanySizes.Unknown,
        SectorKey = e.GetString("SectorKey") ?? ActivitySections.Unknown,
        SourceKey = e.GetString("SourceKey") ?? NeedStatsRow.PublicSite, // rows written before partners existed
        Transmitted = e.GetBoolean("Transmitted") ?? false,
        Exchange = e.GetBoolean("Exchange") ?? false,
        Helped = e.GetBoolean("Helped") ?? false,
        TakenOnWithin5Days = e.GetBoolean("TakenOnWithin5Days") ?? false,
        // Rows written before these were recorded have neither: no known delay, a company of their own.
        FirstTakenOnAfter = e.GetInt32("FirstTakenOnAfterSeconds") is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
        CompanyKey = e.GetString("CompanyKey"),
    };
}
