using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;

namespace Platform.Api.Tests.Auth;

/// <summary>
/// An HTTP client whose connections leave from a chosen loopback address (127.0.0.x; all of 127/8 is loopback on
/// Linux), so tests can be different clients to the server's per-address limits.
/// </summary>
internal sealed class LoopbackClient : IDisposable
{
    private readonly HttpClient _http;

    public LoopbackClient(Uri server, IPAddress source)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { BaseAddress = server, Timeout = TimeSpan.FromSeconds(60) };
    }

    public async Task<(HttpStatusCode Status, string? Code, string? RetryAfter)> GetAsync(string path, string bearer)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        var code = body.Length == 0 ? null : System.Text.Json.Nodes.JsonNode.Parse(body)?["code"]?.GetValue<string>();
        return (response.StatusCode, code, response.Headers.RetryAfter?.ToString());
    }

    public void Dispose() => _http.Dispose();
}
