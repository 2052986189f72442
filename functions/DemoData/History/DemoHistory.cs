using ConseillersEntreprises.Core.Needs;

namespace ConseillersEntreprises.DemoData.History;

/// <summary>
/// What a local run starts with besides the directory: <see cref="Past"/>, needs of the last twelve months written as
/// history (replayed through the decider, no orchestration), and <see cref="Open"/>, a dozen recent needs to submit
/// through the real workflow so that advisors can act on them.
/// </summary>
public sealed record DemoHistory(IReadOnlyList<DemoNeed> Past, IReadOnlyList<NeedSubmitted> Open);
