using System.Net;
using System.Text;

namespace Platform.Silo.Tests.Infrastructure;

/// <summary>
/// A request body the test holds open: it sends <paramref name="head"/>, then JSON whitespace often enough to stay
/// above Kestrel's minimum body data rate, until <see cref="Release"/>, then <paramref name="tail"/>. The request is
/// in flight at the server for exactly as long as the test wants, without any sleep to line things up.
/// </summary>
public sealed class TrickledBody(string head, string tail) : HttpContent
{
    private static readonly byte[] Padding = Encoding.UTF8.GetBytes(new string(' ', 256));
    private readonly TaskCompletionSource _sending = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the head is on the wire: the request has reached the server.</summary>
    public Task Sending => _sending.Task;

    public void Release() => _released.TrySetResult();

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
    {
        await stream.WriteAsync(Encoding.UTF8.GetBytes(head));
        await stream.FlushAsync();
        _sending.TrySetResult();
        while (!_released.Task.IsCompleted)
        {
            await stream.WriteAsync(Padding);
            await stream.FlushAsync();
            await Task.WhenAny(_released.Task, Task.Delay(100));
        }

        await stream.WriteAsync(Encoding.UTF8.GetBytes(tail));
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
