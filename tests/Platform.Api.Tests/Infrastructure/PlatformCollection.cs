namespace Platform.Api.Tests.Infrastructure;

/// <summary>One in-process platform shared by the HTTP tests; every test uses its own tenant and index uids.</summary>
public sealed class PlatformFixture : IAsyncLifetime
{
    public PlatformServer Server { get; private set; } = null!;

    public PlatformClient Client => Server.Client;

    public async Task InitializeAsync() => Server = await PlatformServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "platform";
}
