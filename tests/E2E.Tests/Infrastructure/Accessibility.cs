using System.Text;
using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace ConseillersEntreprises.E2E.Tests.Infrastructure;

/// <summary>axe-core (Deque.AxeCore.Playwright) over the page as it is now: every rule axe runs by default, zero violations.</summary>
public static class Accessibility
{
    public static async Task AssertNoViolationsAsync(IPage page, string what)
    {
        ArgumentNullException.ThrowIfNull(page);
        // Only the violations come back in full (every rule still runs): much less to send back and parse.
        var result = await page.RunAxe(new AxeRunOptions { ResultTypes = [ResultType.Violations] });
        if (result.Violations.Length > 0)
        {
            Assert.Fail(Describe(what, page.Url, result.Violations));
        }

        // axe does not see it, but keyboard users do: an element marked hidden that a style shows anyway.
        var shown = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('[hidden]')].filter(e => e.getClientRects().length > 0).map(e => e.outerHTML.slice(0, 120))");
        Assert.True(shown.Length == 0, $"{what}: elements marked hidden are displayed: {string.Join(" | ", shown)}");
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
