using Platform.Search.Engine;
using Platform.Search.Errors;

namespace Platform.Search.Embedded.Pipeline;

/// <summary>
/// The work one search may do before it is stopped: a count of work units (candidate documents read, tokens
/// analysed while formatting), a wall-clock limit read from a <see cref="TimeProvider"/>, and the caller's
/// cancellation; and the size of the text it formats. The pipeline and the formatter spend from it in their loops, so a costly request stops with
/// <c>search_budget_exceeded</c> instead of running on after the client has gone (docs/limits.md#search-results).
/// </summary>
internal sealed class SearchBudget
{
    /// <summary>How many units pass between two reads of the clock, so checking stays cheap.</summary>
    private const long ClockStride = 4096;

    private readonly long _maxUnits;
    private readonly long _maxResponseBytes;
    private readonly TimeSpan _timeout;
    private readonly TimeProvider _clock;
    private readonly long _startedAt;
    private readonly CancellationToken _cancellation;
    private long _spent;
    private long _emitted;
    private long _nextClockCheck = ClockStride;

    public SearchBudget(EmbeddedEngineOptions options, TimeProvider clock, CancellationToken cancellation)
    {
        _maxUnits = options.SearchWorkBudget;
        _timeout = options.SearchTimeout;
        _maxResponseBytes = options.MaxResponseBytes;
        _clock = clock;
        _startedAt = clock.GetTimestamp();
        _cancellation = cancellation;
    }

    /// <summary>Spends <paramref name="units"/>; throws once the budget, the time limit or the caller is done.</summary>
    /// <exception cref="SearchEngineException"><c>search_budget_exceeded</c>.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled.</exception>
    public void Spend(long units)
    {
        _spent += units;
        if (_spent > _maxUnits)
        {
            throw Exceeded();
        }

        if (_spent >= _nextClockCheck)
        {
            _nextClockCheck = _spent + ClockStride;
            Check();
        }
    }

    /// <summary>
    /// Counts <paramref name="bytes"/> of response text before it is built (formatted strings, match positions), so a
    /// response that would pass <see cref="EmbeddedEngineOptions.MaxResponseBytes"/> fails before it is allocated.
    /// </summary>
    /// <exception cref="SearchEngineException"><c>search_response_too_large</c>.</exception>
    public void Emit(long bytes)
    {
        _emitted += bytes;
        if (_emitted > _maxResponseBytes)
        {
            throw new SearchEngineException(
                ErrorCodes.SearchResponseTooLarge,
                $"The search response would exceed {_maxResponseBytes} bytes. Ask for fewer hits, shorter highlight tags "
                + "or crop markers, a smaller `cropLength`, or fewer formatted attributes.");
        }

        Spend(bytes / 64);
    }

    /// <summary>Checks the time limit and the caller's cancellation without spending.</summary>
    public void Check()
    {
        _cancellation.ThrowIfCancellationRequested();
        if (_clock.GetElapsedTime(_startedAt) > _timeout)
        {
            throw Exceeded();
        }
    }

    private static SearchEngineException Exceeded() => new(
        ErrorCodes.SearchBudgetExceeded,
        "The search needed more work than one request may use. Narrow it: a more selective `q` or `filter`, fewer hits, "
        + "a smaller `cropLength`, or fewer `attributesToCrop` / `attributesToHighlight`.");
}
