namespace Platform.Grains.Tasks;

/// <inheritdoc cref="ITaskPrefixDirectoryGrain"/>
internal sealed class TaskPrefixDirectoryGrain(
    [PersistentState("task-prefixes", StorageNames.Platform)] IPersistentState<TaskPrefixDirectoryState> state)
    : Grain, ITaskPrefixDirectoryGrain
{
    /// <summary>Random draws before falling back to a scan; with the space mostly free the first draw wins.</summary>
    private const int RandomAttempts = 64;

    public async Task<TaskRange> Claim(string tenant)
    {
        var prefix = RandomFreePrefix() ?? FirstFreePrefix()
            ?? throw new InvalidOperationException($"All {TaskUids.MaxPrefix:N0} task prefixes are claimed (docs/limits.md).");
        var first = state.State.Released.GetValueOrDefault(prefix);
        state.State.Owners[prefix] = tenant;
        state.State.Released.Remove(prefix);
        await state.WriteStateAsync();
        return new TaskRange(prefix, first, first);
    }

    public async Task Release(long prefix, string tenant, long next)
    {
        if (!state.State.Owners.TryGetValue(prefix, out var owner) || owner != tenant) return;
        state.State.Owners.Remove(prefix);
        state.State.Released[prefix] = next;
        await state.WriteStateAsync();
    }

    public Task<IReadOnlyList<TaskPrefixOwner>> List(long atOrBelow, int count)
    {
        IReadOnlyList<TaskPrefixOwner> owners = [.. state.State.Owners.Reverse()
            .SkipWhile(o => o.Key > atOrBelow).Take(Math.Max(0, count)).Select(o => new TaskPrefixOwner(o.Key, o.Value))];
        return Task.FromResult(owners);
    }

    private long? RandomFreePrefix()
    {
        for (var attempt = 0; attempt < RandomAttempts; attempt++)
        {
            var prefix = Random.Shared.NextInt64(1, TaskUids.MaxPrefix + 1);
            if (IsFree(prefix)) return prefix;
        }

        return null;
    }

    private long? FirstFreePrefix()
    {
        for (var prefix = 1L; prefix <= TaskUids.MaxPrefix; prefix++)
        {
            if (IsFree(prefix)) return prefix;
        }

        return null;
    }

    // A released prefix whose numbers are used up cannot be handed out again.
    private bool IsFree(long prefix) =>
        !state.State.Owners.ContainsKey(prefix) && state.State.Released.GetValueOrDefault(prefix) < TaskUids.NumbersPerPrefix;
}
