using Azure.Data.Tables;
using ConseillersEntreprises.App.Email;
using ConseillersEntreprises.App.Settings;
using ConseillersEntreprises.Integration.Tests.Infrastructure;
using ConseillersEntreprises.Storage.Emails;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace ConseillersEntreprises.Integration.Tests.Email;

/// <summary>Instances share one email budget in storage (Azurite): together they never send more than Email:MaxPerMinute.</summary>
public sealed class EmailBudgetTests
{
    private readonly string _prefix = AppHost.NewTablePrefix();

    private async Task<EmailBudget> BudgetAsync()
    {
        var budget = new EmailBudget(new TableServiceClient(TestEnvironment.StorageConnectionString), _prefix);
        await budget.EnsureCreatedAsync(CancellationToken.None);
        return budget;
    }

    [Fact]
    public async Task Two_instances_asking_at_once_share_the_windows_budget_and_the_rest_waits_for_the_next_window()
    {
        // Two instances of the app, each with its own client, asking within one window: 60 a minute is 10 per window.
        var instances = new[] { await BudgetAsync(), await BudgetAsync() };
        var now = new DateTimeOffset(2026, 12, 1, 10, 0, 3, TimeSpan.Zero);

        var answers = (await Task.WhenAll(Enumerable.Range(0, 14).Select(i => instances[i % 2].TryTakeAsync(now, 60, CancellationToken.None)))).ToList();

        // Under heavy contention an asker may be told to ask again a moment later, still within the window: it does.
        var nextWindow = new DateTimeOffset(2026, 12, 1, 10, 0, 10, TimeSpan.Zero);
        for (var i = 0; i < answers.Count; i++)
        {
            if (answers[i] is { } again && again < nextWindow)
            {
                Assert.True(again - now <= TimeSpan.FromSeconds(1), $"asked to come back at {again}");
                answers[i] = await instances[i % 2].TryTakeAsync(now, 60, CancellationToken.None);
            }
        }

        Assert.Equal(10, answers.Count(a => a is null));
        Assert.All(answers.Where(a => a is not null), a => Assert.Equal(nextWindow, a));
    }

    [Fact]
    public async Task A_window_that_comes_round_again_starts_from_zero()
    {
        var budget = await BudgetAsync();
        var first = new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);
        Assert.Null(await budget.TryTakeAsync(first, 6, CancellationToken.None)); // 6 a minute: one per window
        Assert.NotNull(await budget.TryTakeAsync(first, 6, CancellationToken.None));

        // An hour later the ring's same row serves a new window.
        Assert.Null(await budget.TryTakeAsync(first.AddHours(1), 6, CancellationToken.None));
        Assert.Null(await budget.TryTakeAsync(first.AddSeconds(10), 6, CancellationToken.None));
    }

    [Fact]
    public async Task The_paced_sender_defers_an_email_over_budget_until_the_next_window_without_sending_it()
    {
        var relay = new Mock<IEmailSender>();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 10, 0, 4, TimeSpan.Zero));
        var paced = new PacedEmailSender(relay.Object, await BudgetAsync(), Options.Create(new EmailOptions { From = "a@b.fr", MaxPerMinute = 6 }), clock);
        var email = new EmailMessage("c@example.org", "s", "<p>h</p>", "t");

        relay.Setup(r => r.SendAsync(email, null, It.IsAny<CancellationToken>())).ReturnsAsync(true);
        Assert.True(await paced.SendAsync(email, claim: null, CancellationToken.None));
        var deferred = await Assert.ThrowsAsync<EmailDeferredException>(() => paced.SendAsync(email, claim: null, CancellationToken.None));

        relay.Verify(r => r.SendAsync(email, null, It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(TimeSpan.FromSeconds(6), deferred.RetryAfter);
    }
}
