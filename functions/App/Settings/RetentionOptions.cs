namespace ConseillersEntreprises.App.Settings;

/// <summary>Section <c>Retention</c>: how long a need's personal data is kept.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>A need older than this (counted from its submission) is anonymised by the retention sweep. Three years.</summary>
    public TimeSpan AnonymizeAfter { get; set; } = TimeSpan.FromDays(1095);
}
