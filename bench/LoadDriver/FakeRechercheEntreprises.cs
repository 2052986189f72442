using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ConseillersEntreprises.LoadDriver;

/// <summary>
/// Stands in for API Recherche d'entreprises on 127.0.0.1:port: <c>GET /search?q=&lt;siret&gt;</c> answers in the
/// format of /work/shared/fixtures/recherche-entreprises-siret.json for the SIRETs of <see cref="CompanyPool"/> (open,
/// active, diffusible establishments, each its own siège) and <c>results: []</c> for any other number.
/// </summary>
internal static class FakeRechercheEntreprises
{
    public static async Task<int> RunAsync(int port, CompanyPool pool, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        await using var app = builder.Build();
        long requests = 0;
        app.MapGet("/search", (HttpContext context) =>
        {
            Interlocked.Increment(ref requests);
            var q = string.Concat(context.Request.Query["q"].ToString().Where(c => !char.IsWhiteSpace(c)));
            if (q.Length == 0)
            {
                return Results.Json(new { erreur = "Veuillez indiquer au moins un paramètre de recherche." }, statusCode: 400);
            }

            var results = new JsonArray();
            if (CompanyPool.IndexOf(q) is { } index)
            {
                results.Add(Result(pool.Get(index)));
            }

            var body = new JsonObject
            {
                ["results"] = results,
                ["total_results"] = results.Count,
                ["page"] = 1,
                ["per_page"] = 10,
                ["total_pages"] = results.Count == 0 ? 0 : 1,
            };
            return Results.Text(body.ToJsonString(), "application/json");
        });
        await app.StartAsync(ct);
        Console.Error.WriteLine($"fake API Recherche d'entreprises on http://127.0.0.1:{port}/search?q=");
        try
        {
            await Task.Delay(Timeout.Infinite, ct);
        }
        catch (OperationCanceledException)
        {
        }

        Console.Error.WriteLine($"fake API Recherche d'entreprises: {Interlocked.Read(ref requests)} requests answered");
        await app.StopAsync(CancellationToken.None);
        return 0;
    }

    private static JsonObject Result(FakeCompany c)
    {
        var created = c.CreationDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var address = $"{c.Street} {c.PostalCode} {c.Commune.Name.ToUpperInvariant()}";
        JsonObject Establishment() => new()
        {
            ["siret"] = c.Siret,
            ["est_siege"] = true,
            ["activite_principale"] = c.NafCode,
            ["adresse"] = address,
            ["code_postal"] = c.PostalCode,
            ["commune"] = c.Commune.Code,
            ["libelle_commune"] = c.Commune.Name.ToUpperInvariant(),
            ["departement"] = c.Commune.DepartementCode,
            ["region"] = c.Commune.RegionCode,
            ["epci"] = c.Commune.EpciCode,
            ["date_creation"] = created,
            ["etat_administratif"] = "A",
            ["tranche_effectif_salarie"] = c.HeadcountBracket,
        };

        var siege = Establishment();
        siege["code_pays_etranger"] = null;
        return new JsonObject
        {
            ["siren"] = c.Siren,
            ["nom_complet"] = c.Name,
            ["nom_raison_sociale"] = c.Name,
            ["sigle"] = null,
            ["nombre_etablissements"] = 1,
            ["nombre_etablissements_ouverts"] = 1,
            ["activite_principale"] = c.NafCode,
            ["section_activite_principale"] = "C",
            ["categorie_entreprise"] = "PME",
            ["caractere_employeur"] = c.HeadcountBracket is "00" or "NN" ? "N" : "O",
            ["date_creation"] = created,
            ["date_fermeture"] = null,
            ["etat_administratif"] = "A",
            ["nature_juridique"] = c.LegalFormCode,
            ["tranche_effectif_salarie"] = c.HeadcountBracket,
            ["annee_tranche_effectif_salarie"] = c.HeadcountBracket == "NN" ? null : "2023",
            ["statut_diffusion"] = "O",
            ["siege"] = siege,
            ["matching_etablissements"] = new JsonArray(Establishment()),
            ["complements"] = new JsonObject
            {
                ["est_entrepreneur_individuel"] = c.LegalFormCode == "1000",
                ["est_ess"] = false,
                ["liste_idcc"] = new JsonArray(),
            },
        };
    }
}
