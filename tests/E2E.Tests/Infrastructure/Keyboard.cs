using Microsoft.Playwright;

namespace ConseillersEntreprises.E2E.Tests.Infrastructure;

/// <summary>Moves through a page the way a keyboard user does: Tab (or Shift+Tab) until the focus is where wanted.</summary>
public static class Keyboard
{
    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>; fails listing where the focus went.</summary>
    public static async Task TabToAsync(IPage page, string selector, int maxPresses = 60, bool backwards = false)
    {
        ArgumentNullException.ThrowIfNull(page);
        var visited = new List<string>();
        for (var i = 0; i < maxPresses; i++)
        {
            await page.Keyboard.PressAsync(backwards ? "Shift+Tab" : "Tab");
            if (await IsFocusedAsync(page, selector))
            {
                return;
            }

            visited.Add(await FocusedAsync(page));
        }

        Assert.Fail($"{selector} was not reached with {maxPresses} presses of {(backwards ? "Shift+Tab" : "Tab")} on {page.Url}. Focus went to:\n  " + string.Join("\n  ", visited));
    }

    public static Task<bool> IsFocusedAsync(IPage page, string selector)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.EvaluateAsync<bool>("selector => !!document.activeElement && document.activeElement.matches(selector)", selector);
    }

    /// <summary>A short description of the focused element (tag, id, test id, text), for failure messages.</summary>
    public static Task<string> FocusedAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return page.EvaluateAsync<string>(
            """
            () => {
              const e = document.activeElement;
              if (!e || e === document.body) return '(body)';
              const text = (e.innerText || e.value || '').trim().replace(/\s+/g, ' ').slice(0, 60);
              return `<${e.tagName.toLowerCase()}${e.id ? ' id=' + e.id : ''}${e.dataset.testid ? ' data-testid=' + e.dataset.testid : ''}> ${text}`;
            }
            """);
    }

    /// <summary>Fails unless the focused element matches <paramref name="selector"/> (focus management after a step or an action).</summary>
    public static async Task AssertFocusedAsync(IPage page, string selector, string why)
    {
        ArgumentNullException.ThrowIfNull(page);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(5);
        while (!await IsFocusedAsync(page, selector))
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"After {why}, focus should be on {selector} but is on {await FocusedAsync(page)} ({page.Url}).");
            }

            await Task.Delay(100);
        }
    }
}
