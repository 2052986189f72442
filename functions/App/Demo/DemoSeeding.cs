namespace ConseillersEntreprises.App.Demo;

/// <summary>What one seeding of the demo history stored: past needs written, open needs submitted (0 and 0 once done).</summary>
public sealed record DemoSeeding(int PastWritten, int OpenSubmitted);
