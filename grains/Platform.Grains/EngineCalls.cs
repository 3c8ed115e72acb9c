using Platform.Grains.Errors;
using Platform.Search.Engine;

namespace Platform.Grains;

/// <summary>
/// How grains call the search engine. Engine work is CPU-bound and synchronous inside (embedded) or waits on HTTP
/// (Meilisearch); running it on the thread pool keeps the activation's scheduler free, so read-only calls of the
/// same grain interleave while one of them is in the engine. Engine errors become <see cref="PlatformException"/>s,
/// the error type that crosses grain calls intact.
/// </summary>
internal static class EngineCalls
{
    public static async Task<T> Run<T>(Func<Task<T>> work)
    {
        try
        {
            return await Task.Run(work);
        }
        catch (SearchEngineException e)
        {
            throw new PlatformException(e.Code, e.Message);
        }
    }

    /// <summary>Awaits quick engine work (no thread hop) on the caller's scheduler, translating its errors alike.</summary>
    public static async ValueTask<T> InPlace<T>(ValueTask<T> work)
    {
        try
        {
            return await work;
        }
        catch (SearchEngineException e)
        {
            throw new PlatformException(e.Code, e.Message);
        }
    }
}
