namespace Platform.Grains.Tasks;

/// <inheritdoc cref="ITaskSequenceGrain"/>
internal sealed class TaskSequenceGrain(
    [PersistentState("task-sequence", StorageNames.Platform)] IPersistentState<TaskSequenceState> state) : Grain, ITaskSequenceGrain
{
    public async Task<long> Next()
    {
        var uid = state.State.Next;
        state.State.Next = uid + 1;
        await state.WriteStateAsync();
        return uid;
    }

    public Task<long> Count() => Task.FromResult(state.State.Next);
}
