using System.Globalization;
using ConseillersEntreprises.Core.Time;

namespace ConseillersEntreprises.App.Email.Templates;

/// <summary>Dates as emails write them: Paris time, French words ("lundi 2 mars 2026 à 10h00", "dimanche 1er mars 2026").</summary>
public static class FrenchDates
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>"lundi 2 mars 2026".</summary>
    public static string Day(DateTimeOffset instant)
    {
        var paris = ParisTime.ToParis(instant);
        var day = paris.Day == 1 ? "1er" : paris.Day.ToString(French);
        return $"{paris.ToString("dddd", French)} {day} {paris.ToString("MMMM yyyy", French)}";
    }

    /// <summary>"lundi 2 mars 2026 à 10h00".</summary>
    public static string DayAndTime(DateTimeOffset instant) =>
        $"{Day(instant)} à {ParisTime.ToParis(instant).ToString("HH'h'mm", French)}";
}
