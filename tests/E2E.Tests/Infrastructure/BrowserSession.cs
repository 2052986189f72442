using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace ConseillersEntreprises.E2E.Tests.Infrastructure;

/// <summary>
/// One person's browser: a fresh context and page, recording what must never happen on our pages: uncaught script
/// errors, Content-Security-Policy refusals, and dialogs (alert/confirm/prompt: what injected script would open).
/// </summary>
public sealed class BrowserSession : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _pageErrors = new();
    private readonly ConcurrentQueue<string> _cspViolations = new();
    private readonly ConcurrentQueue<string> _dialogs = new();

    private BrowserSession(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyCollection<string> Dialogs => [.. _dialogs];

    public static async Task<BrowserSession> StartAsync(IBrowserContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var page = await context.NewPageAsync();
        var session = new BrowserSession(context, page);
        page.PageError += (_, error) => session._pageErrors.Enqueue(error);
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                session._cspViolations.Enqueue(message.Text);
            }
        };
        page.Dialog += async (_, dialog) =>
        {
            session._dialogs.Enqueue($"{dialog.Type}: {dialog.Message}");
            await dialog.DismissAsync();
        };
        return session;
    }

    /// <summary>Opens <paramref name="path"/> (relative to the app) and waits until its scripts have loaded their data.</summary>
    public async Task GotoAsync(string path)
    {
        var response = await Page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        Assert.True(response is { Ok: true }, $"GET {path}: {response?.Status.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "no response"}");
    }

    public Task GotoAsync(Uri link)
    {
        ArgumentNullException.ThrowIfNull(link);
        return GotoAsync(link.ToString());
    }

    /// <summary>No uncaught script error, no CSP refusal, no dialog so far.</summary>
    public void AssertHealthy()
    {
        Assert.True(_pageErrors.IsEmpty, "Uncaught script errors on the page:\n" + string.Join("\n", _pageErrors));
        Assert.True(_cspViolations.IsEmpty, "Content-Security-Policy refusals on the page:\n" + string.Join("\n", _cspViolations));
        Assert.True(_dialogs.IsEmpty, "Dialogs opened by the page:\n" + string.Join("\n", _dialogs));
    }

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
