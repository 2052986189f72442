using System.Text.RegularExpressions;
using ConseillersEntreprises.Core.Web;
using ConseillersEntreprises.Infra.Tests.Arm;

namespace ConseillersEntreprises.Infra.Tests;

/// <summary>
/// On Azure, Front Door serves the site and the API (infra/modules/frontdoor-routes.bicep): its rule set must send, for
/// every request, exactly the security headers the local host sends (Core/Web/PageSecurityHeaders, through
/// App/Http/SecurityHeaders). The compiled template's rules are applied here as Front Door applies them (in order,
/// conditions ANDed, each action overwriting or deleting a header) and compared with the local host's headers for the
/// same request, the embeddable pages with and without <c>?embed=1</c> included.
/// </summary>
[Collection(CompiledMainBicepGroup.Name)]
public sealed class FrontDoorHeadersTests(CompiledMainBicep compiled)
{
    private const string RuleType = "Microsoft.Cdn/profiles/ruleSets/rules";
    private const string RouteType = "Microsoft.Cdn/profiles/afdEndpoints/routes";

    public static TheoryData<string, string> Requests => new()
    {
        { "/", "" },
        { "/index.html", "embed=1" },
        { "/demande.html", "sujet=difficultes-tresorerie" },
        { "/demande.html", "sujet=difficultes-tresorerie&embed=1" },
        { "/Demande.html", "embed=1" },
        { "/autre-besoin.html", "embed=1" },
        { "/confirmation.html", "embed=1" },
        { "/confirmation.html", "embed=1&x=2" },
        { "/demande.html", "embed=true" },
        { "/demande.html", "embed=10" },
        { "/demande.html", "reembed=1" },
        { "/operateur/", "embed=1" },
        { "/suivi.html", "embed=1" },
        { "/vendor/dsfr/dsfr.min.css", "" },
        { "/introuvable", "" },
        { "/api/catalog", "embed=1" },
    };

    private IReadOnlyList<ArmResource> Rules => [.. compiled.Template.AllResources.Where(r => r.Type == RuleType)];

    [Theory]
    [MemberData(nameof(Requests))]
    public void With_declared_embed_origins_front_door_sends_the_local_hosts_headers(string path, string query)
    {
        var sent = Apply(Rules, path, query);

        var embedRule = Assert.Single(Rules, r => r.Json.TryGetProperty("condition", out _));
        var origins = DeclaredOrigins(embedRule);
        var local = PageSecurityHeaders.For(PageSecurityHeaders.IsEmbedRequest(path, QueryValue(query, PageSecurityHeaders.EmbedParameter)) ? [origins] : []);
        Assert.Equal(Sorted(local), Sorted(sent));
    }

    [Theory]
    [MemberData(nameof(Requests))]
    public void Without_embed_origins_no_page_may_be_framed_as_locally(string path, string query)
    {
        // The embedded pages' rule exists only when origins are declared: the local host's answer with an empty list.
        var sent = Apply([.. Rules.Where(r => !r.Json.TryGetProperty("condition", out _))], path, query);

        Assert.Equal(Sorted(PageSecurityHeaders.For([])), Sorted(sent));
    }

    [Fact]
    public void The_embedded_pages_rule_exists_only_when_origins_are_declared_and_names_them()
    {
        var embedRule = Assert.Single(Rules, r => r.Json.TryGetProperty("condition", out _));

        Assert.Equal("[not(empty(parameters('embedOrigins')))]", embedRule.Json.GetProperty("condition").GetString());
        // The module's origins are main.bicep's comma-separated parameter, split and trimmed.
        Assert.Contains("split(parameters('embedOrigins'), ',')", DeclaredOrigins(embedRule), StringComparison.Ordinal);
    }

    [Fact]
    public void Both_routes_the_site_and_the_api_apply_the_security_headers()
    {
        var ruleSetNames = Rules.Select(r => Text(r.Evaluated()["name"]).Split('/')[^2]).Distinct().ToList();
        var routes = compiled.Template.AllResources.Where(r => r.Type == RouteType).Select(r => r.Evaluated()).ToList();

        var ruleSet = Assert.Single(ruleSetNames);
        Assert.Equal(["/*", "/api/*"], routes.SelectMany(r => (IReadOnlyList<object?>)r.Nested("properties")["patternsToMatch"]!).Cast<string>().Order(StringComparer.Ordinal));
        Assert.All(routes, route =>
        {
            var sets = (IReadOnlyList<object?>)route.Nested("properties")["ruleSets"]!;
            var id = Text(((ArmObject)Assert.Single(sets)!)["id"]);
            Assert.Contains($"'{ruleSet}'", id, StringComparison.Ordinal);
        });
    }

    /// <summary>The response headers Front Door gives a request, the origin having sent none of them.</summary>
    private static Dictionary<string, string> Apply(IEnumerable<ArmResource> rules, string path, string query)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules.Select(r => r.Evaluated().Nested("properties")).OrderBy(p => (long)p["order"]!))
        {
            if (!((IReadOnlyList<object?>)rule["conditions"]!).Cast<ArmObject>().All(c => Matches(c, path, query)))
            {
                continue;
            }

            foreach (var action in ((IReadOnlyList<object?>)rule["actions"]!).Cast<ArmObject>())
            {
                Assert.Equal("ModifyResponseHeader", action["name"]);
                var parameters = action.Nested("parameters");
                var name = (string)parameters["headerName"]!;
                switch (parameters["headerAction"])
                {
                    case "Overwrite":
                        headers[name] = Text(parameters["value"]);
                        break;
                    case "Delete":
                        headers.Remove(name);
                        break;
                    case var other:
                        throw new NotSupportedException($"Header action {other}.");
                }
            }

            Assert.Equal("Continue", rule["matchProcessingBehavior"]);
        }

        return headers;
    }

    private static bool Matches(ArmObject condition, string path, string query)
    {
        var parameters = condition.Nested("parameters");
        var values = ((IReadOnlyList<object?>)parameters["matchValues"]!).Cast<string>().ToList();
        var transforms = ((IReadOnlyList<object?>)parameters["transforms"]!).Cast<string>().ToList();
        Assert.Equal(false, parameters["negateCondition"]);
        // Front Door's request path has no leading slash.
        var subject = condition["name"] switch
        {
            "UrlPath" => path.TrimStart('/'),
            "QueryString" => query,
            var other => throw new NotSupportedException($"Condition {other}."),
        };
        if (transforms.Contains("Lowercase"))
        {
            subject = subject.ToLowerInvariant();
        }

        return parameters["operator"] switch
        {
            "Equal" => values.Contains(subject, StringComparer.Ordinal),
            "RegEx" => values.Any(pattern => Regex.IsMatch(subject, pattern, RegexOptions.CultureInvariant)),
            var other => throw new NotSupportedException($"Operator {other}."),
        };
    }

    /// <summary>The embedded pages' frame-ancestors: the deployment's origins, known only then (the expression's text).</summary>
    private static string DeclaredOrigins(ArmResource embedRule)
    {
        var csp = ((IReadOnlyList<object?>)embedRule.Evaluated().Nested("properties")["actions"]!).Cast<ArmObject>()
            .Select(a => a.Nested("parameters"))
            .Single(p => "Content-Security-Policy".Equals(p["headerName"]));
        var text = Text(csp["value"]);
        var prefix = PageSecurityHeaders.ContentSecurityPolicyWith("");
        Assert.StartsWith(prefix, text, StringComparison.Ordinal);
        var origins = text[prefix.Length..];
        Assert.Matches(@"^\{join\(.*parameters\('embedOrigins'\).*, ' '\)\}$", origins);
        return origins;
    }

    private static string? QueryValue(string query, string name)
    {
        var values = query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Where(pair => Uri.UnescapeDataString(pair[0]) == name)
            .Select(pair => pair.Length > 1 ? Uri.UnescapeDataString(pair[1]) : "")
            .ToList();
        return values.Count == 0 ? null : string.Join(',', values); // as ASP.NET Core's StringValues reads several
    }

    private static List<KeyValuePair<string, string>> Sorted(IEnumerable<KeyValuePair<string, string>> headers) =>
        [.. headers.OrderBy(h => h.Key, StringComparer.OrdinalIgnoreCase)];

    private static string Text(object? value) => value switch
    {
        Unresolved u => u.Text,
        string s => s,
        _ => throw new InvalidOperationException($"Expected a string, got {ArmTemplate.Render(value)}."),
    };
}
