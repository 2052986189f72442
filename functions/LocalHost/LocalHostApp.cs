namespace ConseillersEntreprises.LocalHost;

/// <summary>
/// Names LocalHost's assembly for the integration and browser tests (<c>WebApplicationFactory&lt;LocalHostApp&gt;</c>
/// runs its Program): the Functions app has a Program of its own.
/// </summary>
public sealed class LocalHostApp;
