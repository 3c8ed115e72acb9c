using Microsoft.Extensions.Options;

namespace Platform.Grains.Tasks;

/// <inheritdoc cref="ITaskSequenceGrain"/>
internal sealed class TaskSequenceGrain(
    [PersistentState("task-sequence", StorageNames.Platform)] IPersistentState<TaskSequenceState> state,
    IGrainFactory grains,
    IOptions<TaskOptions> options) : Grain, ITaskSequenceGrain
{
    public async Task<long> Next()
    {
        var s = state.State;
        var keep = TaskDeletion.OldestToKeep(s.Oldest, s.Next, options.Value.MaxRetained);
        // Delete first, then move the range: a crash in between leaves holes to delete again, never orphans.
        if (keep > s.Oldest) await TaskDeletion.DeleteRange(grains, TaskUids.OperatorPrefix, s.Oldest, keep);

        var uid = s.Next;
        s.Oldest = keep;
        s.Next = uid + 1;
        await state.WriteStateAsync();
        return TaskUids.Compose(TaskUids.OperatorPrefix, uid);
    }

    public Task<long> Count() => Task.FromResult(state.State.Next);

    public Task<TaskRange> Range() => Task.FromResult(new TaskRange(TaskUids.OperatorPrefix, state.State.Oldest, state.State.Next));
}
