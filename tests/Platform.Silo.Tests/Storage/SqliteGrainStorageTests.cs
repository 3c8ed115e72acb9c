using Microsoft.Extensions.Options;
using Orleans.Serialization;
using Orleans.Storage;
using Platform.Silo.Storage;
using Platform.Silo.Tests.Infrastructure;

namespace Platform.Silo.Tests.Storage;

public sealed class SqliteGrainStorageTests : IDisposable
{
    private readonly TestData _data = new();
    private readonly IGrainStorageSerializer _serializer =
        new SystemTextJsonGrainStorageSerializer(Options.Create(new SystemTextJsonGrainStorageSerializerOptions()));

    private string Database => Path.Combine(_data.Path, "state.db");

    public sealed class Counter
    {
        public int Value { get; set; }
        public List<string> Items { get; set; } = [];
    }

    [Fact]
    public async Task State_written_by_one_instance_is_read_by_a_new_one()
    {
        var grain = GrainId.Create("test", "a");
        var state = new GrainState<Counter>(new Counter { Value = 3, Items = ["x"] });
        await new SqliteGrainStorage(Database, "svc", _serializer).WriteStateAsync("counter", grain, state);

        var read = new GrainState<Counter>();
        await new SqliteGrainStorage(Database, "svc", _serializer).ReadStateAsync("counter", grain, read);
        Assert.True(read.RecordExists);
        Assert.Equal(3, read.State!.Value);
        Assert.Equal(["x"], read.State.Items);
        Assert.Equal(state.ETag, read.ETag);

        // Another service id sees nothing: it namespaces stored state.
        var other = new GrainState<Counter>();
        await new SqliteGrainStorage(Database, "other", _serializer).ReadStateAsync("counter", grain, other);
        Assert.False(other.RecordExists);
    }

    [Fact]
    public async Task Stale_etags_are_refused()
    {
        var storage = new SqliteGrainStorage(Database, "svc", _serializer);
        var grain = GrainId.Create("test", "b");
        var first = new GrainState<Counter>(new Counter { Value = 1 });
        await storage.WriteStateAsync("counter", grain, first);

        var stale = new GrainState<Counter>(new Counter { Value = 2 }) { ETag = first.ETag };
        first.State!.Value = 10;
        await storage.WriteStateAsync("counter", grain, first);
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("counter", grain, stale));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.WriteStateAsync("counter", grain, new GrainState<Counter>(new Counter())));
        await Assert.ThrowsAsync<InconsistentStateException>(() => storage.ClearStateAsync("counter", grain, stale));

        await storage.ClearStateAsync("counter", grain, first);
        Assert.Null(first.ETag);
        var read = new GrainState<Counter>();
        await storage.ReadStateAsync("counter", grain, read);
        Assert.False(read.RecordExists);
        Assert.Equal(0, read.State!.Value);
    }

    public void Dispose() => _data.Dispose();
}
