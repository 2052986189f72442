using System.Collections.Concurrent;
using ConseillersEntreprises.Core.Needs;
using ConseillersEntreprises.Storage.Snapshots;

namespace ConseillersEntreprises.App.Workflow;

/// <summary>
/// Where an HTTP command waits for the orchestration's answer. The answer is always in the need's snapshot row
/// (written by <see cref="NeedActivities.RecordDecision"/>); when that activity runs in this process it also hands the
/// answer over at once, so the usual wait costs no storage request. Otherwise the waiter reads the snapshot, less and
/// less often, until its deadline.
/// </summary>
public sealed class CommandReplies(NeedSnapshotStore snapshots, TimeProvider time)
{
    /// <summary>How long a caller waits at most for its answer before the request fails (it may still be decided later).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    // The answer is usually handed over in memory: storage is read only for an answer recorded by another instance,
    // after half a second, then less and less often (every poll is a request; a busy need answers in seconds).
    private static readonly TimeSpan FirstPoll = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan MaxPoll = TimeSpan.FromSeconds(2);

    private readonly ConcurrentDictionary<(string NeedId, string CommandId), TaskCompletionSource<CommandReply>> _waiting = new();
    private readonly NeedSnapshotStore _snapshots = snapshots;
    private readonly TimeProvider _time = time;

    /// <summary>Registers a waiter; call it before sending the command, whose answer may come back at once.</summary>
    public PendingReply Expect(string needId, string commandId)
    {
        var completion = new TaskCompletionSource<CommandReply>(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting[(needId, commandId)] = completion;
        return new PendingReply(this, needId, commandId, completion.Task);
    }

    /// <summary>Hands an answer to its waiter when it is in this process; otherwise the waiter finds it in storage.</summary>
    public void Complete(NeedState state, CommandOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(outcome);
        if (_waiting.TryRemove((state.NeedId, outcome.CommandId), out var completion))
        {
            completion.TrySetResult(new CommandReply(outcome, state));
        }
    }

    private void Forget(string needId, string commandId) => _waiting.TryRemove((needId, commandId), out _);

    /// <summary>One command's wait. Dispose it when done.</summary>
    public sealed class PendingReply : IDisposable
    {
        private readonly CommandReplies _owner;
        private readonly string _needId;
        private readonly string _commandId;
        private readonly Task<CommandReply> _handedOver;

        internal PendingReply(CommandReplies owner, string needId, string commandId, Task<CommandReply> handedOver)
        {
            _owner = owner;
            _needId = needId;
            _commandId = commandId;
            _handedOver = handedOver;
        }

        /// <exception cref="TimeoutException">No answer within <paramref name="timeout"/>.</exception>
        public async Task<CommandReply> WaitAsync(TimeSpan timeout, CancellationToken ct)
        {
            var deadline = _owner._time.GetUtcNow() + timeout;
            var poll = FirstPoll;
            while (true)
            {
                using var wake = CancellationTokenSource.CreateLinkedTokenSource(ct);
                var delay = Task.Delay(poll, _owner._time, wake.Token);
                if (await Task.WhenAny(_handedOver, delay) == _handedOver)
                {
                    await wake.CancelAsync();
                    return await _handedOver;
                }

                ct.ThrowIfCancellationRequested();
                if (await _owner._snapshots.GetAsync(_needId, ct) is { } snapshot && snapshot.OutcomeOf(_commandId) is { } outcome)
                {
                    return new CommandReply(outcome, snapshot.State);
                }

                if (_owner._time.GetUtcNow() >= deadline)
                {
                    throw new TimeoutException($"Need {_needId}: no answer to command {_commandId} within {timeout}.");
                }

                poll = TimeSpan.FromTicks(Math.Min(MaxPoll.Ticks, (long)(poll.Ticks * 1.5)));
            }
        }

        public void Dispose() => _owner.Forget(_needId, _commandId);
    }
}
