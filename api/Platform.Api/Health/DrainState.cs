namespace Platform.Api.Health;

/// <summary>
/// Whether this process has begun to shut down. Once <see cref="Begin"/> runs, the ready probe answers 503 for the
/// rest of the process's life, so load balancers stop routing here while in-flight requests finish
/// (docs/operations.md, "Health and draining").
/// </summary>
public sealed class DrainState
{
    private int _draining;

    public bool IsDraining => Volatile.Read(ref _draining) == 1;

    /// <summary>Starts the drain; later calls do nothing. Returns true for the call that started it.</summary>
    public bool Begin() => Interlocked.Exchange(ref _draining, 1) == 0;
}
