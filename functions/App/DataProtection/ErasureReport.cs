namespace ConseillersEntreprises.App.DataProtection;

/// <summary>
/// What an erasure did (<c>POST /api/admin/companies/erase</c>): the needs whose data is erased, those cancelled first
/// (their advisors were told), and those whose workflow did not answer (erase again: it resumes).
/// </summary>
public sealed record ErasureReport(IReadOnlyList<string> Erased, IReadOnlyList<string> Cancelled, IReadOnlyList<string> Unanswered)
{
    public bool IsComplete => Unanswered.Count == 0;
}
