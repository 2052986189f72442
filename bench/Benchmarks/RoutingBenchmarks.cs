using BenchmarkDotNet.Attributes;
using ConseillersEntreprises.Core.Companies;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Core.Routing;
using ConseillersEntreprises.DemoData;

namespace ConseillersEntreprises.Benchmarks;

/// <summary>
/// Routing with the 10,000-advisor demo directory, one need per commune of France (every subject in turn).
/// Goal (issue 2): median under 20 µs per need, allocation limited to the result array.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class RoutingBenchmarks
{
    private RoutingIndex _index = null!;
    private RoutingRequest[] _requests = null!;
    private DirectoryDocument _directory = null!;
    private TerritoryIndex _territories = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _territories = TerritoryIndex.LoadEmbedded();
        _directory = DemoDirectory.Benchmark(_territories);
        _index = RoutingIndex.Build(_directory, _territories);
        var subjects = _directory.Themes.SelectMany(t => t.Subjects).Select(s => s.Id).ToArray();
        var today = new DateOnly(2026, 11, 23);
        var communes = _territories.Communes.OrderBy(c => c.Code, StringComparer.Ordinal).ToArray();
        _requests = [.. communes.Select((c, i) => new RoutingRequest(
            subjects[i % subjects.Length],
            c.Code,
            new CompanyFacts("73282932000074", "732829320", "Entreprise", c.Code, c.Name, null, "16.23Z", (i % 3) switch { 0 => "01", 1 => "11", _ => "21" },
                today.AddYears(-(i % 12)).AddDays(-(i % 300)), i % 4 == 0 ? "1000" : "5499", Active: true),
            today))];
    }

    /// <summary>One need; successive invocations walk through every commune of France.</summary>
    [Benchmark]
    public RoutedAdvisor[] RouteOneNeed()
    {
        var request = _requests[_next];
        _next = _next + 1 == _requests.Length ? 0 : _next + 1;
        return _index.Route(request);
    }

    /// <summary>Explaining is for operators, not the hot path: measured to know its cost.</summary>
    [Benchmark]
    public RoutingExplanation ExplainOneNeed() => _index.Explain(_requests[_next++ % _requests.Length]);

    /// <summary>What a directory swap costs an instance (compiling the whole index).</summary>
    [Benchmark]
    public RoutingIndex BuildIndex() => RoutingIndex.Build(_directory, _territories);
}
