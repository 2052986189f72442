using BenchmarkDotNet.Running;
using ConseillersEntreprises.Benchmarks;

// dotnet run -c Release --project bench/Benchmarks -- --filter '*'
// dotnet run -c Release --project bench/Benchmarks -- suggest-eval   (the subject suggestions' hit rates, not timed)
if (args.Length > 0 && args[0] == "suggest-eval")
{
    return SuggestionEvalCommand.Run(args);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
