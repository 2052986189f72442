using System.Globalization;

namespace ConseillersEntreprises.LoadDriver;

/// <summary>Command line of <c>LoadDriver run</c> and <c>LoadDriver fake-api</c>; every option has a default.</summary>
internal sealed class DriverOptions
{
    public const string Usage = """
        LoadDriver fake-api [--port 7073] [--seed 42]
            serves a fake API Recherche d'entreprises on 127.0.0.1:port (until SIGTERM or Ctrl-C)

        LoadDriver run [options]      drives a running app (bench/load.sh starts everything and calls this)
            --app URL              the app                                    (http://127.0.0.1:7072)
            --mailbox URL          MailDev's web base URL                     (http://127.0.0.1:1082)
            --operator EMAIL       an address of Operators:Emails             (operateur@conseillers-entreprises.local)
            --needs N              (a) needs submitted for the latency figures (500)
            --concurrency C        (a) and (c) requests in flight             (8)
            --duration S           (c) seconds of the sustained closed loop    (15)
            --drain S              (c) seconds after the loop during which emails still count (30)
            --lifecycle-needs N    (d) needs taken on then done               (40)
            --lifecycle-rate R     (d) submissions per second                 (4)
            --companies N          companies of the fake API that are used     (100)
            --lookups-per-second R look-ups before the run, as the form does   (5; the app allows 6)
            --quiet S              seconds without a storage write = idle     (5)
            --seed N               companies and submissions                  (42; must match fake-api's)
            --command TEXT         the command line printed with the results
        """;

    public string Mode { get; private set; } = "run";
    public int Port { get; private set; } = 7073;
    public Uri App { get; private set; } = new("http://127.0.0.1:7072/");
    public Uri MailboxUrl { get; private set; } = new("http://127.0.0.1:1082/");
    public string OperatorEmail { get; private set; } = "operateur@conseillers-entreprises.local";
    public int Needs { get; private set; } = 500;
    public int Concurrency { get; private set; } = 8;
    public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(15);
    public TimeSpan DrainWindow { get; private set; } = TimeSpan.FromSeconds(30);
    public int LifecycleNeeds { get; private set; } = 40;
    public double LifecycleRate { get; private set; } = 4;
    public int Companies { get; private set; } = 100;
    public double LookupsPerSecond { get; private set; } = 5;
    public TimeSpan Quiet { get; private set; } = TimeSpan.FromSeconds(5);
    public int Seed { get; private set; } = 42;
    public string? Command { get; private set; }

    public static DriverOptions Parse(string[] args)
    {
        var o = new DriverOptions();
        var i = 0;
        if (args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal))
        {
            o.Mode = args[0] is "run" or "fake-api" ? args[0] : throw new ArgumentException($"unknown mode '{args[0]}'");
            i = 1;
        }

        for (; i < args.Length; i += 2)
        {
            var name = args[i];
            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{name} needs a value");
            }

            var value = args[i + 1];
            switch (name)
            {
                case "--port": o.Port = Int(value, 1, 65_535); break;
                case "--app": o.App = Url(value); break;
                case "--mailbox": o.MailboxUrl = Url(value); break;
                case "--operator": o.OperatorEmail = value; break;
                case "--needs": o.Needs = Int(value, 1, 1_000_000); break;
                case "--concurrency": o.Concurrency = Int(value, 1, 1_000); break;
                case "--duration": o.Duration = TimeSpan.FromSeconds(Int(value, 1, 3_600)); break;
                case "--drain": o.DrainWindow = TimeSpan.FromSeconds(Int(value, 0, 3_600)); break;
                case "--lifecycle-needs": o.LifecycleNeeds = Int(value, 1, 10_000); break;
                case "--lifecycle-rate": o.LifecycleRate = Double(value, 0.1, 1_000); break;
                case "--companies": o.Companies = Int(value, 1, 1_000_000); break;
                case "--lookups-per-second": o.LookupsPerSecond = Double(value, 0.1, 6); break;
                case "--quiet": o.Quiet = TimeSpan.FromSeconds(Int(value, 1, 600)); break;
                case "--seed": o.Seed = Int(value, 0, int.MaxValue); break;
                case "--command": o.Command = value; break;
                default: throw new ArgumentException($"unknown option '{name}'");
            }
        }

        return o;
    }

    private static int Int(string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n : throw new ArgumentException($"'{value}' is not a whole number from {min} to {max}");

    private static double Double(string value, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max
            ? n : throw new ArgumentException($"'{value}' is not a number from {min} to {max}");

    private static Uri Url(string value) =>
        Uri.TryCreate(value.TrimEnd('/') + "/", UriKind.Absolute, out var uri) ? uri : throw new ArgumentException($"'{value}' is not an absolute URL");
}
