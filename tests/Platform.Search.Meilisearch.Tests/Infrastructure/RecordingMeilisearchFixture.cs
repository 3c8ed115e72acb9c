namespace Platform.Search.Meilisearch.Tests.Infrastructure;

/// <summary>One recording endpoint and one client per test class; each test starts from an empty script.</summary>
public sealed class RecordingMeilisearchFixture : IAsyncLifetime
{
    private TestClient? _client;

    internal RecordingMeilisearch Server { get; private set; } = null!;

    internal MeilisearchClient Client => _client!.Client;

    public async Task InitializeAsync()
    {
        Server = await RecordingMeilisearch.StartAsync();
        _client = TestClient.For(Server.BaseAddress);
    }

    public async Task DisposeAsync()
    {
        _client?.Dispose();
        await Server.DisposeAsync();
    }
}
