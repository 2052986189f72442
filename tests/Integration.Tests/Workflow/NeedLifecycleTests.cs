using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConseillersEntreprises.Integration.Tests.Infrastructure;

namespace ConseillersEntreprises.Integration.Tests.Workflow;

/// <summary>The per-need workflow end to end: real app, Azurite, MailDev, with second-long delays.</summary>
public sealed class NeedLifecycleTests
{
    [Fact]
    public async Task Every_routed_advisor_gets_one_email_with_a_link_that_opens_the_need_and_the_company_is_confirmed()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 3);

        var needId = await harness.SubmitAsync();

        for (var i = 0; i < 3; i++)
        {
            var advisor = await harness.AdvisorClientFromEmailAsync(i);
            var sheet = await advisor.GetFromJsonAsync<JsonElement>($"/api/advisor/needs/{needId}");
            Assert.Equal("quo", sheet.GetProperty("myStatus").GetString());
            Assert.Equal(3, sheet.GetProperty("matches").GetArrayLength());
            Assert.Equal("Camille", sheet.GetProperty("contact").GetProperty("firstName").GetString());
        }

        var confirmation = Assert.Single(await harness.Mailbox.WaitForAsync(harness.CompanyEmail));
        Assert.Contains("Urssaf", confirmation.Text, StringComparison.Ordinal);
        await Task.Delay(1000); // nothing more arrives: one email per advisor, never two
        Assert.All(Enumerable.Range(0, 3), i => Assert.Single(harness.Mailbox.ForAsync(harness.AdvisorEmail(i)).Result));
    }

    [Fact]
    public async Task The_same_idempotency_key_gives_the_same_need_never_two()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);
        var key = Guid.NewGuid().ToString();

        var first = await harness.SubmitAsync(idempotencyKey: key);
        var second = await harness.SubmitAsync(idempotencyKey: key);

        Assert.Equal(first, second);
        await harness.Mailbox.WaitForAsync(harness.AdvisorEmail(0));
        await Task.Delay(1000);
        Assert.Single(await harness.Mailbox.ForAsync(harness.AdvisorEmail(0)));
    }

    [Fact]
    public async Task A_token_never_opens_a_need_that_was_not_sent_to_its_holder()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);
        var needId = await harness.SubmitAsync();
        var advisor = await harness.AdvisorClientFromEmailAsync(0);

        var otherNeed = await advisor.GetAsync("/api/advisor/needs/b000000000000000000000000");
        var tampered = harness.Host.CreateClient();
        tampered.DefaultRequestHeaders.Authorization = new("Bearer", advisor.DefaultRequestHeaders.Authorization!.Parameter + "x");

        Assert.Equal(HttpStatusCode.NotFound, otherNeed.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await tampered.GetAsync($"/api/advisor/needs/{needId}")).StatusCode);
    }

    [Fact]
    public async Task Taking_on_tells_the_company_who_will_call_and_forbidden_transitions_are_409()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 2);
        var needId = await harness.SubmitAsync();
        var advisor = await harness.AdvisorClientFromEmailAsync(0);
        await harness.Mailbox.WaitForAsync(harness.CompanyEmail); // the confirmation

        var done = await WorkflowHarness.PositionAsync(advisor, needId, "done");
        var takeOn = await WorkflowHarness.PositionAsync(advisor, needId, "taking_care");

        Assert.Equal(HttpStatusCode.Conflict, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, takeOn.StatusCode);
        var sheet = await takeOn.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("taking_care", sheet.GetProperty("myStatus").GetString());
        Assert.Equal(["done", "done_no_help", "done_not_reachable", "quo"], sheet.GetProperty("allowedStatuses").EnumerateArray().Select(s => s.GetString()).Order());
        var emails = await harness.Mailbox.WaitForAsync(harness.CompanyEmail, count: 2);
        Assert.Equal(2, emails.Count);
        Assert.Contains(emails, e => e.Text!.Contains("Conseiller0 Test", StringComparison.Ordinal));
        var inbox = await advisor.GetFromJsonAsync<JsonElement>("/api/advisor/inbox?tab=taking_care");
        Assert.Equal(needId, Assert.Single(inbox.EnumerateArray()).GetProperty("needId").GetString());
    }

    [Fact]
    public async Task When_every_advisor_refuses_the_company_gets_the_fallback_reply_at_once()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 2);
        var needId = await harness.SubmitAsync();

        foreach (var i in new[] { 0, 1 })
        {
            var advisor = await harness.AdvisorClientFromEmailAsync(i);
            Assert.Equal(HttpStatusCode.OK, (await WorkflowHarness.PositionAsync(advisor, needId, "not_for_me", "Hors de notre champ")).StatusCode);
        }

        var emails = await harness.Mailbox.WaitForAsync(harness.CompanyEmail, count: 2);
        await Task.Delay(1500);
        emails = await harness.Mailbox.ForAsync(harness.CompanyEmail);
        Assert.True(emails.Count == 2, string.Join(" | ", emails.Select(e => e.Subject))); // confirmation, then the fallback reply
    }

    [Fact]
    public async Task Twenty_concurrent_position_changes_on_one_need_all_count()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 20);
        var needId = await harness.SubmitAsync();
        // Links signed as the emails' are: the dispatch's 21 emails go out one after another, which under the whole
        // suite's load took more than 90 s, and what this test is about (concurrent commands) does not need them.
        var advisors = Enumerable.Range(0, 20).Select(i => harness.AdvisorClientFromSignedLink(i, needId)).ToArray();

        var responses = await Task.WhenAll(advisors.Select(a => WorkflowHarness.PositionAsync(a, needId, "taking_care")));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var sheet = await advisors[0].GetFromJsonAsync<JsonElement>($"/api/advisor/needs/{needId}");
        Assert.All(sheet.GetProperty("matches").EnumerateArray(), m => Assert.Equal("taking_care", m.GetProperty("status").GetString()));
    }
}
