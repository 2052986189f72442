namespace ConseillersEntreprises.App.DataProtection;

/// <summary>Where anonymising one need got to.</summary>
public enum AnonymizationResult
{
    /// <summary>Anonymised everywhere, its Durable history purged (or it never had one).</summary>
    Done,

    /// <summary>Anonymised everywhere but in its orchestration's history, which is still finishing: purged on a later run.</summary>
    PurgePending,

    /// <summary>Its workflow did not answer in time: nothing is lost, a later run does it.</summary>
    Unanswered,

    /// <summary>No such need (any more).</summary>
    Gone,
}
