using ConseillersEntreprises.Core.Partners;

namespace ConseillersEntreprises.Core.Tests.Partners;

public sealed class EmbedOriginTests
{
    [Theory]
    [InlineData("https://www.cci.fr", "https://www.cci.fr")]
    [InlineData("  https://WWW.CCI.fr/ ", "https://www.cci.fr")]
    [InlineData("https://partenaire.example:8443", "https://partenaire.example:8443")]
    [InlineData("https://partenaire.example:443", "https://partenaire.example")]
    [InlineData("https://bpifrance.fr", "https://bpifrance.fr")]
    public void An_https_origin_is_kept_in_the_form_a_browser_writes_it(string declared, string canonical)
    {
        Assert.Equal(canonical, EmbedOrigin.Normalize(declared, out var problem));
        Assert.Null(problem);
    }

    [Theory]
    [InlineData("http://www.cci.fr", "https://")]
    [InlineData("https://www.cci.fr/formulaire", "sans chemin")]
    [InlineData("https://www.cci.fr/?a=1", "sans chemin")]
    [InlineData("https://www.cci.fr#x", "sans chemin")]
    [InlineData("https://user:pw@www.cci.fr", "sans chemin")]
    [InlineData("https://*.cci.fr", "origine")]
    [InlineData("www.cci.fr", "origine")]
    [InlineData("*", "origine")]
    [InlineData("'self'", "origine")]
    [InlineData("https://a.fr https://b.fr", "origine")]
    [InlineData("javascript:alert(1)", "origine")]
    [InlineData("", "vide")]
    [InlineData(null, "vide")]
    public void Anything_but_a_single_https_origin_is_refused_with_a_french_reason(string? declared, string reason)
    {
        Assert.Null(EmbedOrigin.Normalize(declared, out var problem));
        Assert.Contains(reason, problem, StringComparison.Ordinal);
    }
}
