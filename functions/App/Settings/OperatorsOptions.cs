namespace ConseillersEntreprises.App.Settings;

/// <summary>Section <c>Operators</c>: the service team's email addresses, the only ones that get an operator link.</summary>
public sealed class OperatorsOptions
{
    public const string Section = "Operators";
    public List<string> Emails { get; set; } = [];
}
