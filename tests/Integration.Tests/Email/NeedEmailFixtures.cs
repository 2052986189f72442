using System.Net;
using System.Text.RegularExpressions;
using ConseillersEntreprises.App.Email;
using ConseillersEntreprises.App.Email.Templates;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Core.Routing;

namespace ConseillersEntreprises.Integration.Tests.Email;

/// <summary>A need driven through the real decider, the links a caller would sign, and assertions on both email parts.</summary>
public static partial class NeedEmailFixtures
{
    public const string NeedId = "need-1";

    /// <summary>Monday 2 March 2026, 10:00 Paris time (winter time).</summary>
    public static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.FromHours(1));

    public static readonly WorkflowSchedule Exact = new() { BusinessHoursOnly = false };

    public static readonly Uri SiteUrl = new("https://site.example.fr/");

    public static readonly Uri AdvisorLink = new("https://site.example.fr/conseiller/besoin.html#besoin=need-1&jeton=abc.def");

    public static readonly Uri FollowUpLink = new("https://site.example.fr/suivi.html#besoin=need-1&jeton=xyz.uvw");

    public static readonly EmailLinks ForAdvisor = new(AdvisorLink, null, SiteUrl);

    public static readonly EmailLinks ForCompany = new(null, FollowUpLink, SiteUrl);

    public const string Description = "Nous avons un retard de paiement important d'un client.\nNous devons payer nos fournisseurs ce mois-ci.";

    public const string ScriptAttack = "<script>alert('x')</script>";

    public const string ImageAttack = "<img src=x onerror=alert(1)>";

    public static readonly RoutedAdvisor Marie = new("a", "Marie Martin", "marie.martin@cci47.example.fr", "cci", "CCI Lot-et-Garonne", "ant-cci-agen", "CCI Agen");

    public static readonly RoutedAdvisor Paul = new("b", "Paul Bernard", "paul.bernard@urssaf.example.fr", "urssaf", "Urssaf Aquitaine", "ant-urssaf-agen", "Urssaf Agen");

    /// <summary>A second advisor of Marie's institution: the company must see that institution once.</summary>
    public static readonly RoutedAdvisor Luc = new("c", "Luc Petit", "luc.petit@cci47.example.fr", "cci", "CCI Lot-et-Garonne", "ant-cci-villeneuve", "CCI Villeneuve");

    public static readonly NeedCompany Company = new()
    {
        Siret = "73282932000074",
        Name = "MENUISERIE DUPONT & FILS",
        CommuneCode = "47203",
        CommuneName = "Penne-d'Agenais",
    };

    public static readonly NeedContact Contact = new()
    {
        FirstName = "Camille",
        LastName = "Dupont",
        Email = "camille.dupont@example.fr",
        Phone = "+33612345678",
    };

    public static NeedSubmitted Submitted(string description, NeedCompany company, params RoutedAdvisor[] advisors) =>
        new(NeedId, "tresorerie", "Difficultés de trésorerie", description, company, Contact, advisors);

    public static Accepted Accept(NeedState? state, NeedEvent @event, DateTimeOffset? now = null) =>
        Assert.IsType<Accepted>(NeedDecider.Decide(state, @event, now ?? T0, Exact));

    public static Accepted Submit(params RoutedAdvisor[] advisors) => Accept(null, Submitted(Description, Company, advisors));

    public static NeedState Then(this NeedState state, NeedEvent @event, DateTimeOffset? now = null) => Accept(state, @event, now).State;

    public static NeedState Position(this NeedState state, string advisorId, MatchStatus status) =>
        state.Then(new PositionChanged(advisorId, status));

    /// <summary>Fires the scheduled timer of that kind at its due time.</summary>
    public static Accepted Fire(this NeedState state, TimerKind kind)
    {
        var timer = Assert.Single(state.Timers, t => t.Kind == kind);
        return Accept(state, new TimerDue(timer.TimerId, timer.Kind, timer.DueAt), timer.DueAt);
    }

    public static SendEmail Email(this Accepted accepted, EmailTemplate template, string? advisorId = null) =>
        Assert.Single(accepted.Effects.OfType<SendEmail>(), e => e.Template == template && (advisorId is null || e.AdvisorId == advisorId));

    public static AlertOperators Alert(this Accepted accepted, OperatorBasket basket) =>
        Assert.Single(accepted.Effects.OfType<AlertOperators>(), a => a.Basket == basket);

    /// <summary>What a reader sees of the HTML part: the body's text, entities decoded, whitespace collapsed.</summary>
    public static string Visible(string html)
    {
        var body = html[html.IndexOf("<body", StringComparison.Ordinal)..];
        return Collapse(WebUtility.HtmlDecode(Tags().Replace(body, " ")));
    }

    /// <summary>The decoded title of the HTML document.</summary>
    public static string Title(string html) => WebUtility.HtmlDecode(TitleElement().Match(html).Groups["title"].Value);

    /// <summary>Both parts say <paramref name="sentence"/>.</summary>
    public static void Says(this EmailMessage message, string sentence)
    {
        Assert.Contains(sentence, Visible(message.HtmlBody), StringComparison.Ordinal);
        Assert.Contains(sentence, Content(message.TextBody), StringComparison.Ordinal);
    }

    /// <summary>Neither part says <paramref name="words"/>.</summary>
    public static void DoesNotSay(this EmailMessage message, string words)
    {
        Assert.DoesNotContain(words, Visible(message.HtmlBody), StringComparison.Ordinal);
        Assert.DoesNotContain(words, message.TextBody, StringComparison.Ordinal);
    }

    /// <summary>Both parts carry <paramref name="link"/>, the HTML one as a real link with the label given.</summary>
    public static void Links(this EmailMessage message, Uri link, string label)
    {
        Assert.Contains((link.AbsoluteUri, label), Anchors(message.HtmlBody));
        Assert.Contains(link.AbsoluteUri, message.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{label} :", message.TextBody, StringComparison.Ordinal);
    }

    /// <summary>The links of the HTML part: decoded address and visible label.</summary>
    public static IReadOnlyList<(string Href, string Label)> Anchors(string html) =>
        [.. Anchor().Matches(html).Select(m => (WebUtility.HtmlDecode(m.Groups["href"].Value), Collapse(WebUtility.HtmlDecode(Tags().Replace(m.Groups["label"].Value, " ")))))];

    /// <summary>
    /// What the text part says once its plain-text conventions are removed (addresses after link labels, heading
    /// underlines, list and quote markers, signature separator): it must be what the HTML part shows.
    /// </summary>
    public static string Content(string text)
    {
        var withoutAddresses = LinkAddress().Replace(text, string.Empty);
        var withoutRules = Rule().Replace(withoutAddresses, string.Empty);
        return Collapse(Marker().Replace(withoutRules, string.Empty));
    }

    /// <summary>The web addresses of the text part.</summary>
    public static IReadOnlyList<string> TextLinks(string text) => [.. Url().Matches(text).Select(m => m.Value)];

    private static string Collapse(string value) => Spaces().Replace(value.Replace('\u00A0', ' '), " ").Trim();

    [GeneratedRegex("<title>(?<title>[^<]*)</title>")]
    private static partial Regex TitleElement();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    [GeneratedRegex("<a href=\"(?<href>[^\"]*)\"[^>]*>(?<label>.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex Anchor();

    [GeneratedRegex(@"[ \t]*:?\s*https?://\S+")]
    private static partial Regex LinkAddress();

    [GeneratedRegex("^-{2,}$", RegexOptions.Multiline)]
    private static partial Regex Rule();

    [GeneratedRegex("^(- |> ?)", RegexOptions.Multiline)]
    private static partial Regex Marker();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();
}
