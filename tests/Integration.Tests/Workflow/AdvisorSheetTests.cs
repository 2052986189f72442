using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConseillersEntreprises.Integration.Tests.Infrastructure;

namespace ConseillersEntreprises.Integration.Tests.Workflow;

/// <summary>What advisors and the company read right after an advisor acts: the position comment, the inbox, the follow-up.</summary>
public sealed class AdvisorSheetTests
{
    [Fact]
    public async Task A_refusal_reason_is_on_the_other_advisors_sheet_and_the_refusing_advisor_s_inbox_is_up_to_date_with_the_answer()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 2);
        var needId = await harness.SubmitAsync();
        var refusing = await harness.AdvisorClientFromEmailAsync(0);
        var colleague = await harness.AdvisorClientFromEmailAsync(1);
        Assert.Single(await Rows(refusing, "inbox"));

        var refused = await WorkflowHarness.PositionAsync(refusing, needId, "not_for_me", "L'entreprise est hors de mon territoire : voir la CCI <b>47</b>");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        // Read at once, no waiting: the inbox row is written before the answer.
        Assert.Empty(await Rows(refusing, "inbox"));
        Assert.Equal(needId, Assert.Single(await Rows(refusing, "not_for_me")).GetProperty("needId").GetString());
        var sheet = await colleague.GetFromJsonAsync<JsonElement>($"/api/advisor/needs/{needId}");
        var match = Assert.Single(sheet.GetProperty("matches").EnumerateArray(), m => m.GetProperty("advisorId").GetString() == "conseiller-0");
        Assert.Equal("not_for_me", match.GetProperty("status").GetString());
        Assert.Equal("L'entreprise est hors de mon territoire : voir la CCI <b>47</b>", match.GetProperty("comment").GetString());

        var takenOn = await WorkflowHarness.PositionAsync(colleague, needId, "taking_care");
        Assert.Equal(HttpStatusCode.OK, takenOn.StatusCode);
        Assert.Empty(await Rows(colleague, "inbox"));
        Assert.Single(await Rows(colleague, "taking_care"));
    }

    [Fact]
    public async Task The_follow_up_tells_the_company_how_many_advisors_and_when_one_closed_the_need()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);
        var needId = await harness.SubmitAsync();
        var advisor = await harness.AdvisorClientFromEmailAsync(0);
        var company = await harness.CompanyClientFromEmailAsync();
        Assert.Equal(HttpStatusCode.OK, (await WorkflowHarness.PositionAsync(advisor, needId, "taking_care")).StatusCode);

        var takingCare = await company.GetFromJsonAsync<JsonElement>($"/api/company/needs/{needId}");
        Assert.Equal(1, takingCare.GetProperty("advisorCount").GetInt32());
        Assert.False(Assert.Single(takingCare.GetProperty("takenOnBy").EnumerateArray()).TryGetProperty("closedAt", out var open) && open.ValueKind != JsonValueKind.Null);

        Assert.Equal(HttpStatusCode.OK, (await WorkflowHarness.PositionAsync(advisor, needId, "done", "Prêt d'honneur proposé")).StatusCode);
        var done = await company.GetFromJsonAsync<JsonElement>($"/api/company/needs/{needId}");
        Assert.Equal("done", done.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.String, Assert.Single(done.GetProperty("takenOnBy").EnumerateArray()).GetProperty("closedAt").ValueKind);
        Assert.DoesNotContain("Prêt d'honneur", done.GetRawText(), StringComparison.Ordinal); // an advisor's comment is for advisors
    }

    private static async Task<List<JsonElement>> Rows(HttpClient advisor, string tab) =>
        [.. (await advisor.GetFromJsonAsync<JsonElement>($"/api/advisor/inbox?tab={tab}")).EnumerateArray()];
}
