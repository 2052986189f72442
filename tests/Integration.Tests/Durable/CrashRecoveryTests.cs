using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ConseillersEntreprises.Core.Security;
using ConseillersEntreprises.Integration.Tests.Fakes;
using ConseillersEntreprises.Integration.Tests.Infrastructure;
using ConseillersEntreprises.Integration.Tests.Workflow;
using Xunit.Abstractions;

namespace ConseillersEntreprises.Integration.Tests.Durable;

/// <summary>
/// LocalHost killed with SIGKILL while emails wait for a relay that is down, then started again on the same storage:
/// every need and command it acknowledged survives, every pending email goes out, and none goes out twice.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const int Needs = 5;

    [Fact]
    public async Task After_a_SIGKILL_nothing_acknowledged_is_lost_and_no_email_goes_out_twice()
    {
        var prefix = AppHost.NewTablePrefix();
        var run = Guid.NewGuid().ToString("N")[..8];
        var directory = await WorkflowHarness.SaveDirectoryAsync(prefix, advisors: 2);
        await using var companies = await FakeRechercheEntreprisesServer.StartAsync();
        var siret = companies.AddCompany(FakeRechercheEntreprisesServer.MakeSiret(Random.Shared.Next(1000, 99999))).Siret;
        await using var relay = new SwitchableSmtpProxy { Up = false };
        using var mailbox = new Mailbox();
        var settings = AppHost.Settings(prefix, $"operateur-{run}@conseillers-entreprises.test");
        foreach (var (key, value) in WorkflowHarness.FastWorkflow.Concat(companies.Settings))
        {
            settings[key] = value;
        }

        settings["Smtp:Port"] = relay.Port.ToString(CultureInfo.InvariantCulture);
        settings["Smtp:RetryAfter"] = "00:00:01";
        settings["Moderation:DuplicateWindow"] = "00:00:00"; // five needs of one company on one subject: dispatched, not held
        settings.Remove("Durable:WorkerId"); // the machine's name, as ./run.sh runs it: the restarted host is the same worker
        settings["Logging:Console:TimestampFormat"] = "HH:mm:ss.fff ";
        settings["Logging:LogLevel:DurableTask.AzureStorage"] = "Information"; // printed below when the recovery took long
        var port = LocalHostProcess.FreePort();
        var companyEmails = Enumerable.Range(0, Needs).Select(i => $"dirigeant{i}-{run}@entreprise.test").ToList();

        // Acknowledged before the crash: five needs (201) and an advisor taking the first one on (200).
        var needIds = new List<string>();
        await using (var crashing = await LocalHostProcess.StartAsync(settings, port))
        {
            using var client = crashing.CreateClient();
            foreach (var email in companyEmails)
            {
                needIds.Add(await WorkflowHarness.SubmitAsync(client, siret, email));
            }

            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdvisorToken(directory.Advisors[0].Id));
            var taken = await WorkflowHarness.PositionAsync(client, needIds[0], "taking_care");
            Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
            // Killed once the emails are being tried (and refused): they are pending, not yet attempted, when it dies.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
            while (relay.RefusedConnections == 0)
            {
                Assert.True(DateTime.UtcNow < deadline, "the emails were never tried while the relay was down");
                await Task.Delay(50);
            }

            await crashing.KillAsync();
        }

        Assert.Empty(await mailbox.ForAsync(directory.Advisors[0].Email));
        relay.Up = true;
        var sinceRestart = Stopwatch.StartNew();
        await using var restarted = await LocalHostProcess.StartAsync(settings, port);
        var healthyAfter = sinceRestart.Elapsed;

        // Every advisor gets each need once; each company its confirmation; the first one also the "taken on" notice.
        var advisor0 = await mailbox.WaitForAsync(directory.Advisors[0].Email, count: Needs, timeout: TimeSpan.FromSeconds(90));
        var advisor1 = await mailbox.WaitForAsync(directory.Advisors[1].Email, count: Needs, timeout: TimeSpan.FromSeconds(90));
        var firstCompany = await mailbox.WaitForAsync(companyEmails[0], count: 2, timeout: TimeSpan.FromSeconds(90));
        foreach (var email in companyEmails.Skip(1))
        {
            Assert.Single(await mailbox.WaitForAsync(email, timeout: TimeSpan.FromSeconds(90)));
        }

        var allOutAfter = sinceRestart.Elapsed;
        if (allOutAfter > TimeSpan.FromSeconds(15))
        {
            output.WriteLine(restarted.Output); // what the restarted host did meanwhile, to see what took long
        }

        output.WriteLine($"restart → healthy: {healthyAfter.TotalSeconds:0.0} s; restart → every pending email out: {allOutAfter.TotalSeconds:0.0} s");
        Assert.Equal(Needs, advisor0.Count);
        Assert.Equal(Needs, advisor1.Count);
        Assert.Equal(2, firstCompany.Count);
        Assert.Contains(firstCompany, e => e.Subject.StartsWith("Votre demande est prise en charge", StringComparison.Ordinal));
        foreach (var needId in needIds)
        {
            Assert.Single(advisor0, e => e.Text?.Contains(needId, StringComparison.Ordinal) == true);
        }

        // The take-on acknowledged before the crash is still there.
        using var advisorClient = restarted.CreateClient();
        advisorClient.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AdvisorToken(directory.Advisors[0].Id));
        var sheet = await advisorClient.GetFromJsonAsync<System.Text.Json.JsonElement>($"api/advisor/needs/{needIds[0]}");
        Assert.Equal("taking_care", sheet.GetProperty("myStatus").GetString());

        // A duplicate would come from an effect carried out again after the restart, a retry period (1 s) or two later:
        // wait that long before counting again.
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(Needs, (await mailbox.ForAsync(directory.Advisors[0].Email)).Count);
        Assert.Equal(Needs, (await mailbox.ForAsync(directory.Advisors[1].Email)).Count);
        Assert.Equal(2, (await mailbox.ForAsync(companyEmails[0])).Count);
    }

    private static string AdvisorToken(string advisorId) =>
        new SignedTokens([new SigningKey(AppHost.SigningKeyId, Convert.FromBase64String(AppHost.SharedSecret))])
            .Issue(new TokenClaims(TokenAudiences.Advisor, advisorId, DateTimeOffset.UtcNow.AddDays(1)));
}
