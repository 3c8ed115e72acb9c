namespace Platform.Silo.Tests.Cluster;

/// <summary>
/// The failed requests of a load after an event: how many, out of how many, and the window from the event to the end
/// of the last failed one (zero when none failed).
/// </summary>
public sealed record Outage(int Failures, int Requests, TimeSpan Window, string? LastFailure)
{
    public static Outage After(IEnumerable<RequestOutcome> outcomes, TimeSpan eventAt, Func<RequestOutcome, bool> include)
    {
        var relevant = outcomes.Where(o => o.Ended >= eventAt && include(o)).ToList();
        var failed = relevant.Where(o => !o.Succeeded).OrderBy(o => o.Ended).ToList();
        var window = failed.Count == 0 ? TimeSpan.Zero : failed[^1].Ended - eventAt;
        var last = failed.Count == 0 ? null : $"{failed[^1].Kind} via {failed[^1].Silo}: {failed[^1].Detail}";
        return new Outage(failed.Count, relevant.Count, window, last);
    }

    public override string ToString() =>
        $"{Failures} of {Requests} requests failed, window {Window.TotalSeconds:0.0} s{(LastFailure is null ? "" : $" (last: {LastFailure})")}";
}
