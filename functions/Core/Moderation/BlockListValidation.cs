using System.Diagnostics.CodeAnalysis;

namespace ConseillersEntreprises.Core.Moderation;

/// <summary>The block list once normalised, or every problem found (French messages keyed <c>emails[i]</c> / <c>domains[i]</c>).</summary>
public sealed record BlockListValidation(BlockList? BlockList, IReadOnlyDictionary<string, string[]> Errors)
{
    [MemberNotNullWhen(true, nameof(BlockList))]
    public bool IsValid => BlockList is not null;
}
