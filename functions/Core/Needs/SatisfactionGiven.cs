namespace ConseillersEntreprises.Core.Needs;

/// <summary>The company answers the satisfaction survey from its follow-up page; a later answer replaces the earlier one.</summary>
public sealed record SatisfactionGiven(SatisfactionHelped Helped, string? Comment) : NeedEvent
{
    public const string TypeName = "satisfaction_given";
}
