using ConseillersEntreprises.Core.Needs;
using Microsoft.DurableTask.Client;

namespace ConseillersEntreprises.App.Workflow;

/// <summary>
/// The HTTP side of a command: raise it on the need's orchestration and wait for its answer. Commands on one need are
/// decided one at a time by its orchestration, against its latest state, so two advisors acting at the same moment
/// both get a correct answer and neither update is lost.
/// </summary>
public sealed class NeedCommands(CommandReplies replies)
{
    /// <summary>A command still unanswered after this long is sent again.</summary>
    public static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(5);

    private const int SendAttempts = 3;

    /// <exception cref="TimeoutException">The orchestration did not answer in time.</exception>
    public async Task<CommandReply> SendAsync(DurableTaskClient client, string needId, NeedEvent @event, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(client);
        var command = new NeedCommand(Guid.NewGuid().ToString("N"), @event);
        using var pending = replies.Expect(needId, command.CommandId);
        await client.RaiseEventAsync(needId, NeedOrchestrator.CommandEvent, command, ct);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await pending.WaitAsync(attempt < SendAttempts ? ResendAfter : CommandReplies.Timeout, ct);
            }
            catch (TimeoutException) when (attempt < SendAttempts)
            {
                // An event can be lost while the orchestration continues as new: send it again under the same id,
                // which the orchestration answers once.
                await client.RaiseEventAsync(needId, NeedOrchestrator.CommandEvent, command, ct);
            }
        }
    }
}
