using System.Reflection;
using Platform.Search.Engine;

namespace Platform.Api.Tests.Search;

/// <summary>
/// Wraps the real engine; a search or facet search whose <c>q</c> is <see cref="Marker"/> reports that it reached
/// the engine, then waits for its cancellation token instead of answering, and reports the cancellation with the
/// tenant it ran for. Every other call goes to the real engine unchanged.
/// </summary>
public class PausingSearchEngine : DispatchProxy
{
    public const string Marker = "pause-in-the-engine";

    private ISearchEngine _inner = null!;
    private Signals _signals = null!;

    /// <summary>What the engine saw: a paused search started, and its token was cancelled (with the scope's tenant).</summary>
    public sealed class Signals
    {
        public TaskCompletionSource<string> Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource<string> Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    public static ISearchEngine Wrap(ISearchEngine inner, Signals signals)
    {
        var proxy = Create<ISearchEngine, PausingSearchEngine>();
        var pausing = (PausingSearchEngine)(object)proxy;
        pausing._inner = inner;
        pausing._signals = signals;
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        var query = args?.Length > 2 ? args[2] switch
        {
            SearchRequest search => search.Q,
            FacetSearchRequest facets => facets.Q,
            _ => null,
        } : null;
        if (query == Marker && args![0] is TenantScope scope && args[^1] is CancellationToken token)
        {
            return targetMethod.Name == nameof(ISearchEngine.SearchAsync)
                ? Pause<SearchResponse>(scope, token)
                : Pause<FacetSearchResponse>(scope, token);
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw e.InnerException;
        }
    }

    private async Task<T> Pause<T>(TenantScope scope, CancellationToken token)
    {
        _signals.Started.TrySetResult(scope.TenantUid);
        try
        {
            await Task.Delay(Timeout.Infinite, token);
        }
        catch (OperationCanceledException)
        {
            _signals.Cancelled.TrySetResult(scope.TenantUid);
            throw;
        }

        throw new InvalidOperationException("unreachable: an infinite delay ended without cancellation");
    }
}
