using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace ConseillersEntreprises.Integration.Tests.Workflow;

public sealed class CompanyFollowUpTests
{
    [Fact]
    public async Task The_follow_up_link_shows_the_status_and_the_institution_taking_the_need_on()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 2);
        var needId = await harness.SubmitAsync();
        var company = await harness.CompanyClientFromEmailAsync();
        var advisor = await harness.AdvisorClientFromEmailAsync(0);

        var before = await company.GetFromJsonAsync<JsonElement>($"/api/company/needs/{needId}");
        Assert.Equal(HttpStatusCode.OK, (await WorkflowHarness.PositionAsync(advisor, needId, "taking_care")).StatusCode);
        var after = await company.GetFromJsonAsync<JsonElement>($"/api/company/needs/{needId}");

        Assert.Equal(("quo", 0, false), (before.GetProperty("status").GetString(), before.GetProperty("takenOnBy").GetArrayLength(), before.GetProperty("canGiveSatisfaction").GetBoolean()));
        Assert.False(HasValue(before, "satisfaction"));
        Assert.Equal("taking_care", after.GetProperty("status").GetString());
        Assert.Single(after.GetProperty("takenOnBy").EnumerateArray());
    }

    [Fact]
    public async Task The_company_answers_the_survey_once_the_need_is_closed_and_may_change_its_answer()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);
        var needId = await harness.SubmitAsync();
        var company = await harness.CompanyClientFromEmailAsync();
        var advisor = await harness.AdvisorClientFromEmailAsync(0);
        var url = $"/api/company/needs/{needId}/satisfaction";

        var tooEarly = await company.PostAsJsonAsync(url, new { helped = "yes" });
        Assert.Equal(HttpStatusCode.Conflict, tooEarly.StatusCode);
        Assert.Contains("une fois l'accompagnement terminé", await tooEarly.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await WorkflowHarness.PositionAsync(advisor, needId, "taking_care")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WorkflowHarness.PositionAsync(advisor, needId, "done")).StatusCode);

        var answered = await company.PostAsJsonAsync(url, new { helped = "partly", comment = "Bon contact, <b>mais</b> lent." });
        Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
        var view = await answered.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(view.GetProperty("canGiveSatisfaction").GetBoolean());
        Assert.Equal("partly", view.GetProperty("satisfaction").GetProperty("helped").GetString());
        Assert.Equal("Bon contact, <b>mais</b> lent.", view.GetProperty("satisfaction").GetProperty("comment").GetString());

        Assert.Equal(HttpStatusCode.OK, (await company.PostAsJsonAsync(url, new { helped = "yes" })).StatusCode);
        var reloaded = await company.GetFromJsonAsync<JsonElement>($"/api/company/needs/{needId}");
        Assert.Equal("yes", reloaded.GetProperty("satisfaction").GetProperty("helped").GetString());
        Assert.False(HasValue(reloaded.GetProperty("satisfaction"), "comment"));
    }

    [Fact]
    public async Task A_bad_answer_is_refused_in_french_and_changes_nothing()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);
        var needId = await harness.SubmitAsync();
        var company = await harness.CompanyClientFromEmailAsync();
        var advisor = await harness.AdvisorClientFromEmailAsync(0);
        Assert.Equal(HttpStatusCode.OK, (await WorkflowHarness.PositionAsync(advisor, needId, "taking_care")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await WorkflowHarness.PositionAsync(advisor, needId, "done_no_help")).StatusCode);
        var url = $"/api/company/needs/{needId}/satisfaction";

        var unknown = await company.PostAsJsonAsync(url, new { helped = "peut-être", comment = new string('x', 2001) });
        var malformed = await company.PostAsync(url, new StringContent("{\"helped\":", System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        var errors = (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("oui, en partie ou non", errors.GetProperty("helped")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("2 000 caractères", errors.GetProperty("comment")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        var view = await company.GetFromJsonAsync<JsonElement>($"/api/company/needs/{needId}");
        Assert.False(HasValue(view, "satisfaction"));
    }

    [Fact]
    public async Task Another_needs_link_or_a_tampered_one_opens_nothing()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);
        var needId = await harness.SubmitAsync();
        var company = await harness.CompanyClientFromEmailAsync();
        var tampered = harness.Host.CreateClient();
        tampered.DefaultRequestHeaders.Authorization = new("Bearer", company.DefaultRequestHeaders.Authorization!.Parameter + "x");

        Assert.Equal(HttpStatusCode.Unauthorized, (await company.GetAsync("/api/company/needs/b000000000000000000000000")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await company.PostAsJsonAsync("/api/company/needs/b000000000000000000000000/satisfaction", new { helped = "no" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await tampered.PostAsJsonAsync($"/api/company/needs/{needId}/satisfaction", new { helped = "no" })).StatusCode);
    }

    /// <summary>The API leaves null properties out of its JSON.</summary>
    private static bool HasValue(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind != JsonValueKind.Null;
}
