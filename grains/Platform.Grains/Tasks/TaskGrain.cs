namespace Platform.Grains.Tasks;

/// <inheritdoc cref="ITaskGrain"/>
internal sealed class TaskGrain(
    [PersistentState("task", StorageNames.Platform)] IPersistentState<TaskState> state) : Grain, ITaskGrain
{
    public Task<TaskRecord?> Get() => Task.FromResult(state.State.Task);

    public async Task Save(TaskRecord record)
    {
        if (record.Uid != this.GetPrimaryKeyLong())
        {
            throw new ArgumentException($"Task {record.Uid} cannot be stored under uid {this.GetPrimaryKeyLong()}.", nameof(record));
        }

        state.State.Task = record;
        await state.WriteStateAsync();
    }

    public async Task Delete()
    {
        if (!state.RecordExists) return;
        await state.ClearStateAsync();
        state.State = new TaskState();
        this.DeactivateOnIdle();
    }
}
