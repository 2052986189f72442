using System.Threading.Channels;

namespace ConseillersEntreprises.App.Email;

/// <summary>
/// Sends sign-in emails off the request path, so that the answer takes the same time whether or not the address is
/// known (no account enumeration by timing) and a slow relay never slows the page. These emails are re-requestable,
/// so an in-memory queue is enough; emails of the need workflow go through the durable outbox instead.
/// </summary>
public sealed partial class SignInEmails(IEmailSender sender, TimeProvider time, ILogger<SignInEmails> logger) : BackgroundService
{
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2)];

    /// <summary>A link is worth little after this many waits (about ten minutes at the usual pace).</summary>
    private const int MaxDeferrals = 60;

    private readonly Channel<EmailMessage> _pending = Channel.CreateBounded<EmailMessage>(
        new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Enqueue(EmailMessage message) => _pending.Writer.TryWrite(message);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await SendAllAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: links not yet sent can be asked for again.
        }
    }

    private async Task SendAllAsync(CancellationToken stoppingToken)
    {
        await foreach (var message in _pending.Reader.ReadAllAsync(stoppingToken))
        {
            var failures = 0;
            var deferrals = 0;
            while (true)
            {
                try
                {
                    await sender.SendAsync(message, claim: null, stoppingToken);
                    break;
                }
                catch (EmailDeferredException e) when (deferrals++ < MaxDeferrals)
                {
                    // Over the shared budget, or the relay asks to wait: wait as long as it says.
                    await Task.Delay(e.RetryAfter, time, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException && failures < RetryDelays.Length)
                {
                    LogRetry(logger, e, failures + 1);
                    await Task.Delay(RetryDelays[failures++], time, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    LogGaveUp(logger, e);
                    break;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sign-in email failed (attempt {Attempt}); retrying")]
    private static partial void LogRetry(ILogger logger, Exception exception, int attempt);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sign-in email could not be sent; the user can ask for a new link")]
    private static partial void LogGaveUp(ILogger logger, Exception exception);
}
