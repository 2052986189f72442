using System.Runtime.InteropServices;
using ConseillersEntreprises.Core.Geography;
using ConseillersEntreprises.LoadDriver;

DriverOptions options;
try
{
    options = DriverOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"error: {e.Message}\n\n{DriverOptions.Usage}");
    return 2;
}

using var stop = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stop.Cancel();
}

using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);

var pool = new CompanyPool(TerritoryIndex.LoadEmbedded(), options.Seed);
if (options.Mode == "fake-api")
{
    return await FakeRechercheEntreprises.RunAsync(options.Port, pool, stop.Token);
}

try
{
    using var app = new AppClient(options.App);
    LoadRun.Log($"waiting for {options.App}api/health");
    var healthyBy = RunClock.Now + TimeSpan.FromMinutes(3);
    while (!await app.IsHealthyAsync(stop.Token))
    {
        if (RunClock.Now > healthyBy)
        {
            Console.Error.WriteLine("error: the app did not answer /api/health within 3 minutes");
            return 1;
        }

        await Task.Delay(500, stop.Token);
    }

    await using var mailbox = new Mailbox(options.MailboxUrl);
    var subjects = await app.SubjectsAsync(stop.Token);
    var runId = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
    var needs = new NeedFactory(subjects, pool, options.Companies, options.Seed, runId);
    var result = await new LoadRun(options, app, mailbox, needs).RunAsync(stop.Token);
    Console.WriteLine(Report.Markdown(options, subjects.Count, result));
    return 0;
}
catch (OperationCanceledException) when (stop.IsCancellationRequested)
{
    Console.Error.WriteLine("stopped");
    return 130;
}
catch (Exception e) when (e is InvalidOperationException or HttpRequestException or TimeoutException or System.Text.Json.JsonException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
