using BenchmarkDotNet.Attributes;
using ConseillersEntreprises.Core.Directory;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.Core.Routing;
using ConseillersEntreprises.DemoData;

namespace ConseillersEntreprises.Benchmarks;

/// <summary>
/// The coverage of one subject (GET /api/admin/coverage) on the demo directory the app seeds (2,000 advisors), over
/// every commune of France (34,875): one pass of <see cref="RoutingIndex.CompetentCovering"/> per commune.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CoverageBenchmarks
{
    private RoutingIndex _index = null!;
    private TerritoryIndex _territories = null!;
    private string[] _subjects = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _territories = TerritoryIndex.LoadEmbedded();
        DirectoryDocument directory = DemoDirectory.Default(_territories);
        _index = RoutingIndex.Build(directory, _territories);
        _subjects = [.. directory.Themes.SelectMany(t => t.Subjects).Select(s => s.Id)];
        // What an answer weighs (the API's camelCase JSON), told once beside the timings.
        var sizes = _subjects.Select(s => (Subject: s, Report: SubjectCoverage.Compute(_index, _territories, s)))
            .Select(r => (r.Subject, r.Report.UncoveredCount, r.Report.OverlapCount,
                Bytes: System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(r.Report, System.Text.Json.JsonSerializerOptions.Web).Length))
            .ToList();
        Console.WriteLine($"// coverage JSON: median {sizes.Select(s => s.Bytes).Order().ElementAt(sizes.Count / 2):N0} bytes, max {sizes.Max(s => s.Bytes):N0} ({sizes.MaxBy(s => s.Bytes).Subject}); "
            + $"uncovered median {sizes.Select(s => s.UncoveredCount).Order().ElementAt(sizes.Count / 2)}, overlaps median {sizes.Select(s => s.OverlapCount).Order().ElementAt(sizes.Count / 2)}");
    }

    /// <summary>One subject's report; successive invocations go through the catalogue's subjects.</summary>
    [Benchmark]
    public CoverageReport OneSubject() => SubjectCoverage.Compute(_index, _territories, _subjects[_next++ % _subjects.Length]);
}
