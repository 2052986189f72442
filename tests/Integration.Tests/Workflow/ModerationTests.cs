using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ConseillersEntreprises.Integration.Tests.Fakes;
using ConseillersEntreprises.Integration.Tests.Infrastructure;

namespace ConseillersEntreprises.Integration.Tests.Workflow;

/// <summary>
/// Doubtful submissions wait in the review basket (honeypot, a form sent too fast, the block list, a duplicate within
/// 48 hours); operators approve them (dispatched at once) or reject them (the company gets a short email, no advisor
/// ever hears of it), through the real app on Azurite and MailDev.
/// </summary>
public sealed class ModerationTests
{
    private static object Body(WorkflowHarness harness, string? siret = null, string? email = null, string? website = null, double? filledInSeconds = 40) => new
    {
        subjectId = WorkflowHarness.Subject,
        description = "Un client important ne nous paie plus et la trésorerie ne couvre plus les salaires du mois.",
        siret = siret ?? harness.Siret,
        firstName = "Camille",
        lastName = "Dupont",
        email = email ?? harness.CompanyEmail,
        phone = "06 12 34 56 78",
        consent = true,
        website,
        filledInSeconds,
    };

    private static async Task<string> SubmitAsync(WorkflowHarness harness, object body, string expectedStatus = "unrouted")
    {
        var response = await harness.Client.PostAsJsonAsync("/api/needs", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(expectedStatus, created.GetProperty("status").GetString());
        return created.GetProperty("needId").GetString()!;
    }

    /// <summary>The need's row of the review basket, written by the submission's alert activity just after the answer: waited for.</summary>
    private static async Task<JsonElement> ReviewRowAsync(HttpClient operatorClient, string needId)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (true)
        {
            var rows = (await operatorClient.GetFromJsonAsync<JsonElement>("/api/admin/baskets/review")).EnumerateArray().ToList();
            if (rows.Any(r => r.GetProperty("needId").GetString() == needId) || DateTime.UtcNow > deadline)
            {
                return Assert.Single(rows, r => r.GetProperty("needId").GetString() == needId);
            }

            await Task.Delay(200);
        }
    }

    private static string[] Reasons(JsonElement need) =>
        [.. need.GetProperty("moderation").GetProperty("reasons").EnumerateArray().Select(r => r.GetString()!)];

    [Fact]
    public async Task A_filled_honeypot_is_answered_like_any_need_held_silently_and_once_approved_goes_to_the_advisors()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 2);
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);

        var needId = await SubmitAsync(harness, Body(harness, website: "http://promo.example"));

        var row = await ReviewRowAsync(operatorClient, needId);
        Assert.Equal("À vérifier avant transmission : champ caché rempli (robot probable).", row.GetProperty("reason").GetString());
        var need = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/admin/needs/{needId}");
        Assert.Equal(["honeypot"], Reasons(need));
        Assert.Equal(0, need.GetProperty("matches").GetArrayLength());
        Assert.Empty((await operatorClient.GetFromJsonAsync<JsonElement>("/api/admin/baskets/unrouted")).EnumerateArray());

        var approved = await operatorClient.PostAsync($"/api/admin/needs/{needId}/approve", null);

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var state = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, state.GetProperty("matches").GetArrayLength());
        Assert.Equal(harness.Host.OperatorEmail, state.GetProperty("moderation").GetProperty("approvedBy").GetString());
        foreach (var i in new[] { 0, 1 })
        {
            Assert.Contains(needId, Assert.Single(await harness.Mailbox.WaitForAsync(harness.AdvisorEmail(i))).Text, StringComparison.Ordinal);
        }

        // Nothing was written to the address while held (a robot's address may be anyone's): its first email is the
        // confirmation that the need went to the advisors.
        var company = Assert.Single(await harness.Mailbox.WaitForAsync(harness.CompanyEmail));
        Assert.StartsWith("Votre demande a bien été transmise", company.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_form_sent_too_fast_waits_then_the_approval_dispatches_it_with_its_timeline_and_is_recorded()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 2);
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);

        var needId = await SubmitAsync(harness, Body(harness, filledInSeconds: 1.2));

        // The person gets the confirmation that promises no advisor yet.
        var received = Assert.Single(await harness.Mailbox.WaitForAsync(harness.CompanyEmail));
        Assert.StartsWith("Votre demande a bien été reçue", received.Subject, StringComparison.Ordinal);
        Assert.Equal("À vérifier avant transmission : formulaire rempli trop vite.", (await ReviewRowAsync(operatorClient, needId)).GetProperty("reason").GetString());
        var early = await operatorClient.PostAsJsonAsync($"/api/admin/needs/{needId}/advisors", new { advisorId = harness.Directory.Advisors[0].Id });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("attend une vérification", (await early.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        var approved = await operatorClient.PostAsync($"/api/admin/needs/{needId}/approve", null);
        var again = await operatorClient.PostAsync($"/api/admin/needs/{needId}/approve", null);
        var rejectedAfter = await operatorClient.PostAsJsonAsync($"/api/admin/needs/{needId}/reject", new { reason = "Trop tard" });

        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var state = await approved.Content.ReadFromJsonAsync<JsonElement>();
        Assert.NotEqual(JsonValueKind.Null, state.GetProperty("timeline").GetProperty("dispatchedAt").ValueKind);
        Assert.True(state.GetProperty("moderation").TryGetProperty("approvedAt", out _));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode); // the same decision twice: the need as it is
        Assert.Equal(2, (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("matches").GetArrayLength());
        Assert.Equal(HttpStatusCode.Conflict, rejectedAfter.StatusCode);
        Assert.Equal("Ce besoin a déjà été validé et transmis aux conseillers : annulez-le plutôt.",
            (await rejectedAfter.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        foreach (var i in new[] { 0, 1 })
        {
            Assert.Single(await harness.Mailbox.WaitForAsync(harness.AdvisorEmail(i)));
        }

        Assert.Empty((await operatorClient.GetFromJsonAsync<JsonElement>("/api/admin/baskets/review")).EnumerateArray());
        var transmitted = await harness.Mailbox.WaitForAsync(harness.CompanyEmail, count: 2);
        Assert.Contains(transmitted, e => e.Subject.StartsWith("Votre demande a bien été transmise", StringComparison.Ordinal));

        // A need that was never held: no check to make.
        var otherSiret = FakeRechercheEntreprisesServer.MakeSiret(Random.Shared.Next(100_000, 200_000));
        harness.Companies.AddCompany(otherSiret);
        var ordinary = await SubmitAsync(harness, Body(harness, siret: otherSiret, email: $"autre-{Guid.NewGuid():N}@entreprise.test"), expectedStatus: "quo");
        var notHeld = await operatorClient.PostAsync($"/api/admin/needs/{ordinary}/approve", null);
        Assert.Equal(HttpStatusCode.Conflict, notHeld.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await operatorClient.PostAsync("/api/admin/needs/binconnu/approve", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.Client.PostAsync($"/api/admin/needs/{needId}/approve", null)).StatusCode);
    }

    [Fact]
    public async Task A_duplicate_is_held_and_its_rejection_tells_the_company_politely_and_no_advisor()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 2);
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);
        var first = await SubmitAsync(harness, Body(harness), expectedStatus: "quo");

        var second = await SubmitAsync(harness, Body(harness));

        var need = await operatorClient.GetFromJsonAsync<JsonElement>($"/api/admin/needs/{second}");
        Assert.Equal(["duplicate_siret", "duplicate_email"], Reasons(need));
        var noReason = await operatorClient.PostAsJsonAsync($"/api/admin/needs/{second}/reject", new { reason = "  " });
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("Indiquez la raison du rejet (1 000 caractères au plus)",
            (await noReason.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("reason")[0].GetString());

        var rejected = await operatorClient.PostAsJsonAsync($"/api/admin/needs/{second}/reject", new { reason = "Doublon de la demande précédente" });
        var twice = await operatorClient.PostAsJsonAsync($"/api/admin/needs/{second}/reject", new { reason = "Doublon" });
        var approveAfter = await operatorClient.PostAsync($"/api/admin/needs/{second}/approve", null);

        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var state = await rejected.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Doublon de la demande précédente", state.GetProperty("cancellation").GetProperty("reason").GetString()); // closed
        Assert.Equal("Doublon de la demande précédente", state.GetProperty("moderation").GetProperty("rejectionReason").GetString());
        Assert.Equal(harness.Host.OperatorEmail, state.GetProperty("moderation").GetProperty("rejectedBy").GetString());
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, approveAfter.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await operatorClient.PostAsJsonAsync($"/api/admin/needs/{first}/reject", new { reason = "x" })).StatusCode);

        // The company: the first need's confirmation, the second's "reçue", then the rejection (the team's reason not in it).
        var emails = await harness.Mailbox.WaitForAsync(harness.CompanyEmail, count: 3);
        var rejection = Assert.Single(emails, e => e.Subject.StartsWith("Votre demande n'a pas été transmise", StringComparison.Ordinal));
        Assert.Contains("Après vérification, notre équipe ne lui donne pas suite.", rejection.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("Doublon", rejection.Text, StringComparison.Ordinal);
        Assert.Equal(3, emails.Count);
        // The advisors only ever heard of the first need.
        foreach (var i in new[] { 0, 1 })
        {
            var advisorEmail = Assert.Single(await harness.Mailbox.ForAsync(harness.AdvisorEmail(i)));
            Assert.Contains(first, advisorEmail.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(second, advisorEmail.Text, StringComparison.Ordinal);
        }

        Assert.Empty((await operatorClient.GetFromJsonAsync<JsonElement>("/api/admin/baskets/review")).EnumerateArray());
    }

    [Fact]
    public async Task The_block_list_is_validated_all_or_nothing_normalised_and_holds_the_next_submission()
    {
        await using var harness = await WorkflowHarness.StartAsync(advisors: 1);
        var operatorClient = await OperatorSession.SignInAsync(harness.Host, harness.Mailbox);
        var empty = await operatorClient.GetFromJsonAsync<JsonElement>("/api/admin/blocklist");
        Assert.Equal(0, empty.GetProperty("emails").GetArrayLength());

        var invalid = await operatorClient.PutAsJsonAsync("/api/admin/blocklist", new { emails = new[] { "ok@exemple.fr", "pas une adresse" }, domains = new[] { "http://pourriel.test" } });

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = (await invalid.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Equal(["domains[0]", "emails[1]"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("« pas une adresse » n'est pas une adresse email valide (par exemple prenom.nom@exemple.fr)", errors.GetProperty("emails[1]")[0].GetString());
        Assert.Equal(0, (await operatorClient.GetFromJsonAsync<JsonElement>("/api/admin/blocklist")).GetProperty("emails").GetArrayLength()); // nothing saved

        var saved = await operatorClient.PutAsJsonAsync("/api/admin/blocklist", new { emails = new[] { " Spam@Exemple.FR " }, domains = new[] { "Pourriel.TEST", "@pourriel.test" } });

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var list = await operatorClient.GetFromJsonAsync<JsonElement>("/api/admin/blocklist");
        Assert.Equal(["spam@exemple.fr"], list.GetProperty("emails").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["pourriel.test"], list.GetProperty("domains").EnumerateArray().Select(e => e.GetString()));

        var blocked = await SubmitAsync(harness, Body(harness, email: $"contact-{Guid.NewGuid():N}@mx.pourriel.test"));
        Assert.Equal(["blocked_domain"], Reasons(await operatorClient.GetFromJsonAsync<JsonElement>($"/api/admin/needs/{blocked}")));
        await ReviewRowAsync(operatorClient, blocked);
        var other = FakeRechercheEntreprisesServer.MakeSiret(Random.Shared.Next(200_000, 300_000));
        harness.Companies.AddCompany(other);
        var byEmail = await SubmitAsync(harness, Body(harness, siret: other, email: "spam@exemple.fr"));
        Assert.Equal(["blocked_email"], Reasons(await operatorClient.GetFromJsonAsync<JsonElement>($"/api/admin/needs/{byEmail}")));
        await ReviewRowAsync(operatorClient, byEmail);
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.Client.GetAsync("/api/admin/blocklist")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await harness.Client.PutAsJsonAsync("/api/admin/blocklist", new { emails = Array.Empty<string>() })).StatusCode);
    }
}
