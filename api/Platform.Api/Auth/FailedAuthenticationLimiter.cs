using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Platform.Api.Errors;
using Platform.Search.Errors;

namespace Platform.Api.Auth;

/// <summary>
/// Counts failed authentications (<see cref="CredentialRejection"/>) per client address in fixed windows
/// (<see cref="AuthOptions.MaxFailedAttempts"/> per <see cref="AuthOptions.FailedAttemptWindow"/>); a client past
/// the limit gets 429 <c>too_many_failed_authentications</c> with <c>Retry-After</c> on every request that needs
/// credentials, before its header is looked at, until the window ends. Partitions are client addresses, IPv6 ones
/// by /64 (one host usually holds a whole /64); idle partitions are dropped by the partitioned limiter itself.
/// Behind a reverse proxy every client shares the proxy's address unless the host applies forwarded headers.
/// </summary>
internal sealed class FailedAuthenticationLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter;

    public FailedAuthenticationLimiter(IOptions<AuthOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var limit = options.Value.MaxFailedAttempts;
        var window = options.Value.FailedAttemptWindow;
        _limiter = PartitionedRateLimiter.Create<string, string>(client => RateLimitPartition.GetFixedWindowLimiter(client,
            _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = window, QueueLimit = 0 }));
    }

    /// <summary>The partition of a request: its remote address, IPv6 reduced to its /64 prefix.</summary>
    public static string ClientOf(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ClientOf(context.Connection.RemoteIpAddress);
    }

    public static string ClientOf(IPAddress? address)
    {
        if (address is null) return "";
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString() + "/64";
    }

    /// <summary>The refusal for a client that has used up its failures in this window; null while it has some left.</summary>
    public ApiError? RefusalFor(string client)
    {
        using var lease = _limiter.AttemptAcquire(client, permitCount: 0);
        if (lease.IsAcquired) return null;

        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        var seconds = (int)Math.Max(1, Math.Ceiling(retryAfter.TotalSeconds));
        return new ApiError(ErrorCodes.TooManyFailedAuthentications,
            $"Too many failed authentication attempts from this client. Retry in {seconds.ToString(CultureInfo.InvariantCulture)} seconds.")
        {
            RetryAfterSeconds = seconds,
        };
    }

    /// <summary>Counts one failed authentication of <paramref name="client"/>.</summary>
    public void RecordFailure(string client)
    {
        using var lease = _limiter.AttemptAcquire(client, permitCount: 1);
    }

    public void Dispose() => _limiter.Dispose();
}
