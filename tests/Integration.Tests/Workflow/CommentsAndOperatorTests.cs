using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConseillersEntreprises.Integration.Tests.Infrastructure;

namespace ConseillersEntreprises.Integration.Tests.Workflow;

public sealed class CommentsAndOperatorTests
{
    [Fact]
    public async Task A_comment_reaches_the_advisors_concerned_but_not_its_author_nor_those_still_without_answer()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 3);
        var needId = await harness.SubmitAsync();
        var author = await harness.AdvisorClientFromEmailAsync(0);
        var colleague = await harness.AdvisorClientFromEmailAsync(1);
        await harness.AdvisorClientFromEmailAsync(2);
        Assert.Equal(HttpStatusCode.OK, (await WorkflowHarness.PositionAsync(author, needId, "taking_care")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WorkflowHarness.PositionAsync(colleague, needId, "taking_care")).StatusCode);

        var posted = await author.PostAsJsonAsync($"/api/advisor/needs/{needId}/comments", new { text = "J'appelle le dirigeant demain <b>matin</b>." });

        Assert.Equal(HttpStatusCode.Created, posted.StatusCode);
        var toColleague = await harness.Mailbox.WaitForAsync(harness.AdvisorEmail(1), count: 2);
        Assert.Equal(2, toColleague.Count); // the need, then the comment
        Assert.Contains("J'appelle le dirigeant demain <b>matin</b>.", toColleague[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>matin</b>", toColleague[1].Html, StringComparison.Ordinal);
        await Task.Delay(1000);
        Assert.Single(await harness.Mailbox.ForAsync(harness.AdvisorEmail(0))); // not the author
        Assert.Single(await harness.Mailbox.ForAsync(harness.AdvisorEmail(2))); // still quo: not concerned
        var sheet = await colleague.GetFromJsonAsync<JsonElement>($"/api/advisor/needs/{needId}");
        Assert.Equal("J'appelle le dirigeant demain <b>matin</b>.", sheet.GetProperty("comments")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Comments_posted_in_quick_succession_reach_each_advisor_in_one_email()
    {
        // A delay long enough for both comments to fall in one window even on a slow machine.
        await using var harness = await WorkflowHarness.StartAsync(
            advisors: 3,
            settings: new Dictionary<string, string?> { ["Workflow:CommentNoticeDelay"] = "00:00:04" });
        var needId = await harness.SubmitAsync();
        var first = await harness.AdvisorClientFromEmailAsync(0);
        var second = await harness.AdvisorClientFromEmailAsync(1);
        var third = await harness.AdvisorClientFromEmailAsync(2);
        foreach (var advisor in new[] { first, second, third })
        {
            Assert.Equal(HttpStatusCode.OK, (await WorkflowHarness.PositionAsync(advisor, needId, "taking_care")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Created, (await first.PostAsJsonAsync($"/api/advisor/needs/{needId}/comments", new { text = "Je passe chez eux jeudi." })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await second.PostAsJsonAsync($"/api/advisor/needs/{needId}/comments", new { text = "Parfait, je prépare le dossier de prêt." })).StatusCode);

        var toThird = await harness.Mailbox.WaitForAsync(harness.AdvisorEmail(2), count: 2);
        Assert.StartsWith("2 nouveaux commentaires", toThird[1].Subject, StringComparison.Ordinal);
        Assert.Contains("Je passe chez eux jeudi.", toThird[1].Text, StringComparison.Ordinal);
        Assert.Contains("Parfait, je prépare le dossier de prêt.", toThird[1].Text, StringComparison.Ordinal);
        var toFirst = await harness.Mailbox.WaitForAsync(harness.AdvisorEmail(0), count: 2);
        Assert.Contains("Parfait, je prépare le dossier de prêt.", toFirst[1].Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Je passe chez eux jeudi.", toFirst[1].Text, StringComparison.Ordinal); // not its own
        await Task.Delay(1500);
        foreach (var i in new[] { 0, 1, 2 })
        {
            Assert.Equal(2, (await harness.Mailbox.ForAsync(harness.AdvisorEmail(i))).Count); // the need, then one notice
        }
    }

    [Fact]
    public async Task Operators_see_baskets_add_an_advisor_and_cancel_a_need()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 2);
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);
        harness.Companies.Mode = Fakes.FakeServerMode.Unavailable;
        var unrouted = await harness.Client.PostAsJsonAsync("/api/needs", new
        {
            subjectId = WorkflowHarness.Subject,
            description = "Besoin d'aide pour négocier un échéancier de cotisations avec l'Urssaf.",
            siret = harness.Siret,
            communeCode = "69123",
            firstName = "Camille",
            lastName = "Dupont",
            email = harness.CompanyEmail,
            phone = "04 72 00 00 00",
            consent = true,
        });
        var needId = (await unrouted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("needId").GetString()!;

        JsonElement basket = default;
        for (var i = 0; i < 50 && (basket.ValueKind != JsonValueKind.Array || basket.GetArrayLength() == 0); i++)
        {
            await Task.Delay(200);
            basket = await operatorClient.GetFromJsonAsync<JsonElement>("/api/admin/baskets/unrouted");
        }

        var row = Assert.Single(basket.EnumerateArray());
        Assert.Equal(needId, row.GetProperty("needId").GetString());
        Assert.Equal("Faire face à des difficultés de trésorerie", row.GetProperty("subject").GetString());
        Assert.Equal("Lyon", row.GetProperty("communeName").GetString());
        var added = await operatorClient.PostAsJsonAsync($"/api/admin/needs/{needId}/advisors", new { advisorId = "conseiller-1" });
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Single(await harness.Mailbox.WaitForAsync(harness.AdvisorEmail(1)));
        Assert.Empty((await operatorClient.GetFromJsonAsync<JsonElement>("/api/admin/baskets/unrouted")).EnumerateArray()); // routed now
        var again = await operatorClient.PostAsJsonAsync($"/api/admin/needs/{needId}/advisors", new { advisorId = "conseiller-1" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var cancelled = await operatorClient.PostAsJsonAsync($"/api/admin/needs/{needId}/cancel", new { reason = "Doublon d'une autre demande" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var advisor = await harness.AdvisorClientFromEmailAsync(1);
        Assert.Equal(HttpStatusCode.Conflict, (await WorkflowHarness.PositionAsync(advisor, needId, "taking_care")).StatusCode);
        var sheet = await advisor.GetFromJsonAsync<JsonElement>($"/api/advisor/needs/{needId}");
        Assert.Equal("cancelled", sheet.GetProperty("status").GetString());
        Assert.Equal("quo", sheet.GetProperty("myStatus").GetString()); // the advisor's last position, kept
        Assert.Equal(0, sheet.GetProperty("allowedStatuses").GetArrayLength());
        Assert.Equal("Doublon d'une autre demande", sheet.GetProperty("cancellation").GetProperty("reason").GetString());

        // The advisor who received it is told, with the operator's reason; once.
        var told = await harness.Mailbox.WaitForAsync(harness.AdvisorEmail(1), count: 2);
        var notice = Assert.Single(told, e => e.Subject.StartsWith("Besoin annulé", StringComparison.Ordinal));
        Assert.Contains("Doublon d'une autre demande", notice.Text, StringComparison.Ordinal);
        Assert.DoesNotContain(harness.Host.OperatorEmail, notice.Text, StringComparison.OrdinalIgnoreCase); // the reason, not who

        // The inbox projection is written by the outbox relay: the row leaves "inbox" for "expired", as cancelled.
        JsonElement ended = default;
        for (var i = 0; i < 50 && (ended.ValueKind != JsonValueKind.Array || ended.GetArrayLength() == 0); i++)
        {
            await Task.Delay(200);
            ended = await advisor.GetFromJsonAsync<JsonElement>("/api/advisor/inbox?tab=expired");
        }

        var endedRow = Assert.Single(ended.EnumerateArray());
        Assert.Equal(needId, endedRow.GetProperty("needId").GetString());
        Assert.Equal("cancelled", endedRow.GetProperty("status").GetString());
        Assert.Empty((await advisor.GetFromJsonAsync<JsonElement>("/api/advisor/inbox?tab=inbox")).EnumerateArray());
        Assert.Equal(HttpStatusCode.OK, (await operatorClient.GetAsync("/api/admin/baskets/review")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.GetAsync("/api/admin/baskets/inconnue")).StatusCode);
    }
}
