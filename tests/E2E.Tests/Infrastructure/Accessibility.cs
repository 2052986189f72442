using System.Text;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using Newtonsoft.Json.Linq;

namespace ConseillersEntreprises.E2E.Tests.Infrastructure;

/// <summary>
/// axe-core over the page as it is now, in each of its frames: every rule axe runs by default, zero violations. The
/// script is the one Deque.AxeCore ships (<see cref="BundledAxeScriptProvider"/>), put once in each document and run
/// there: the package's own <c>RunAxe</c> injected it twice per check and opened a blank page to merge the results,
/// about 5 s a check on the operators' page under load against 0.5 s this way (both measured on the same states).
/// </summary>
public static class Accessibility
{
    private static readonly Lazy<string> AxeScript = new(() => new BundledAxeScriptProvider().GetScript());

    public static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        ArgumentNullException.ThrowIfNull(page);
        var violations = new List<AxeResultItem>();
        foreach (var frame in page.Frames)
        {
            violations.AddRange(await ViolationsAsync(frame));
        }

        if (violations.Count > 0)
        {
            Assert.Fail(Describe(what, page.Url, violations));
        }

        // axe does not see it, but keyboard users do: an element marked hidden that a style shows anyway.
        var shown = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('[hidden]')].filter(e => e.getClientRects().length > 0).map(e => e.outerHTML.slice(0, 120))");
        Assert.True(shown.Length == 0, $"{what}: elements marked hidden are displayed: {string.Join(" | ", shown)}");
    }

    /// <summary>The violations of one document (a frame's own: the elements of a child frame are its document's).</summary>
    private static async Task<AxeResultItem[]> ViolationsAsync(IFrame frame)
    {
        if (!await frame.EvaluateAsync<bool>("() => typeof window.axe === 'object'"))
        {
            await frame.EvaluateAsync($"() => {{ {AxeScript.Value} }}");
        }

        // Only the violations come back in full (every rule still runs): much less to send back and parse.
        var json = await frame.EvaluateAsync<string>("async () => JSON.stringify(await window.axe.run(document, { resultTypes: ['violations'] }))");
        return new AxeResult(JObject.Parse(json)).Violations;
    }

    /// <summary>One readable block per violation: rule, impact, help, and each failing element with axe's summary.</summary>
    public static string Describe(string what, string url, IReadOnlyList<AxeResultItem> violations)
    {
        ArgumentNullException.ThrowIfNull(violations);
        var text = new StringBuilder();
        text.Append("axe found ").Append(violations.Count).Append(" violation(s) on ").Append(what).Append(" (").Append(url).Append("):\n");
        foreach (var violation in violations)
        {
            text.Append("\n- [").Append(violation.Impact).Append("] ").Append(violation.Id).Append(": ").Append(violation.Help)
                .Append("\n  ").Append(violation.HelpUrl).Append('\n');
            foreach (var node in violation.Nodes.Take(5))
            {
                text.Append("  * ").Append(node.Target).Append('\n')
                    .Append("    ").Append(Shorten(node.Html, 200)).Append('\n');
                var summary = string.Join(" / ", node.Any.Concat(node.All).Concat(node.None).Select(c => c.Message).Where(m => !string.IsNullOrEmpty(m)));
                if (summary.Length > 0)
                {
                    text.Append("    ").Append(Shorten(summary, 300)).Append('\n');
                }
            }

            if (violation.Nodes.Length > 5)
            {
                text.Append("  * … and ").Append(violation.Nodes.Length - 5).Append(" more element(s)\n");
            }
        }

        return text.ToString();
    }

    private static string Shorten(string? value, int max)
    {
        var oneLine = (value ?? string.Empty).ReplaceLineEndings(" ");
        return oneLine.Length <= max ? oneLine : oneLine[..max] + "…";
    }
}
