using System.Net;
using Platform.Search.Meilisearch;
using Platform.Silo.Hosting;

namespace Platform.Silo.Tests.Deploy;

/// <summary>
/// deploy/compose.yaml, parsed (no Docker engine here): three silos that can actually form a cluster, each probed on
/// the route the host maps, started only once Redis and Meilisearch are healthy, keys only from env files.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly Yaml Compose = Assert.Single(DeployFiles.Documents(DeployFiles.Path("deploy/compose.yaml")));

    private static Yaml Services => Compose["services"];

    /// <summary>The silos: the services that join the Redis cluster.</summary>
    private static IReadOnlyList<KeyValuePair<string, Yaml>> Silos =>
        [.. Services.Entries.Where(s => s.Value["environment"]["Platform__Cluster__Redis"].Exists)];

    [Fact]
    public void Three_silos_each_advertise_their_own_address_on_the_network()
    {
        Assert.Equal(3, Silos.Count);
        var addresses = new HashSet<string>();
        foreach (var (name, silo) in Silos)
        {
            var advertised = silo["environment"]["Platform__Cluster__AdvertisedAddress"].String;
            Assert.True(IPAddress.TryParse(advertised, out var address), $"{name} advertises `{advertised}`");
            Assert.False(IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any), $"{name} advertises `{advertised}`");
            Assert.Equal(advertised, silo["networks"]["default"]["ipv4_address"].String);
            Assert.True(addresses.Add(advertised!), $"{name} shares its address `{advertised}`");
        }
    }

    [Fact]
    public void Every_service_has_a_healthcheck_and_a_restart_policy()
    {
        foreach (var (name, service) in Services.Entries)
        {
            Assert.True(service["healthcheck"]["test"].Items.Count > 0, $"{name} has no healthcheck");
            Assert.Contains(service["restart"].String, new[] { "always", "unless-stopped", "on-failure" });
        }
    }

    [Fact]
    public void Silos_are_probed_on_the_ready_route_of_their_listening_port()
    {
        foreach (var (name, silo) in Silos)
        {
            var port = new Uri(silo["environment"]["Platform__Listen"].String!).Port;
            var test = string.Join(' ', silo["healthcheck"]["test"].Items.Select(i => i.String));
            Assert.Contains($"http://127.0.0.1:{port}{HostRoutes.Ready}", test, StringComparison.Ordinal);
            var published = Assert.Single(silo["ports"].Items).String!;
            Assert.EndsWith($":{port}", published, StringComparison.Ordinal);
            Assert.StartsWith("127.0.0.1:", published, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Silos_start_only_once_redis_and_meilisearch_are_healthy()
    {
        foreach (var (name, silo) in Silos)
        {
            var redis = ServiceOf(silo["environment"]["Platform__Cluster__Redis"].String!);
            var engine = ServiceOf(silo["environment"]["Platform__Search__Meilisearch__Url"].String!);
            foreach (var dependency in new[] { redis, engine })
            {
                Assert.True(Services[dependency].Exists, $"{name} uses `{dependency}`, which is not a service");
                Assert.Equal("service_healthy", silo["depends_on"][dependency]["condition"].String);
            }
        }
    }

    [Fact]
    public void Silos_use_the_meilisearch_engine()
    {
        foreach (var (_, silo) in Silos)
        {
            Assert.Equal("meilisearch", silo["environment"]["Platform__Search__Engine"].String);
        }
    }

    [Fact]
    public void Redis_keeps_an_append_only_file_on_a_volume()
    {
        var redis = Services["redis"];
        var command = redis["command"].Items.Select(i => i.String).ToList();
        Assert.Equal("yes", command[command.IndexOf("--appendonly") + 1]);
        var dir = command[command.IndexOf("--dir") + 1];
        AssertNamedVolumeAt(redis, dir!);
    }

    [Fact]
    public void Meilisearch_keeps_its_data_on_a_volume_and_its_key_in_an_env_file()
    {
        var meilisearch = Services["meilisearch"];
        AssertNamedVolumeAt(meilisearch, "/meili_data");
        var envFile = Assert.Single(meilisearch["env_file"].Items).String!;
        Assert.Contains("MEILI_MASTER_KEY", EnvFile.Load(DeployFiles.Path($"deploy/{envFile}.example")).Keys);
    }

    [Fact]
    public void Keys_come_from_env_files_never_from_the_compose_file()
    {
        foreach (var (name, service) in Services.Entries)
        {
            var inline = service["environment"].Entries.Select(e => e.Key)
                .Where(k => k.Contains("KEY", StringComparison.OrdinalIgnoreCase));
            Assert.True(!inline.Any(), $"{name} sets {string.Join(", ", inline)} in compose.yaml");
        }

        var meilisearchKey = $"{MeilisearchOptions.SectionName}:{nameof(MeilisearchOptions.ApiKey)}".Replace(":", "__", StringComparison.Ordinal);
        foreach (var (name, silo) in Silos)
        {
            var envFile = Assert.Single(silo["env_file"].Items).String!;
            var example = EnvFile.Load(DeployFiles.Path($"deploy/{envFile}.example"));
            Assert.True(example.ContainsKey(PlatformHostingExtensions.MasterKeyVariable), $"{name}: {envFile} lacks the master key");
            Assert.True(example.ContainsKey(meilisearchKey), $"{name}: {envFile} lacks {meilisearchKey}");
        }

        Assert.Contains("*.env", DeployFiles.Text("deploy/.gitignore").Split('\n'));
    }

    [Fact]
    public void Placeholder_keys_are_refused_at_start_up()
    {
        foreach (var example in Directory.EnumerateFiles(DeployFiles.Path("deploy"), "*.env.example"))
        {
            foreach (var (key, value) in EnvFile.Load(example).Where(e => e.Key.Contains("KEY", StringComparison.OrdinalIgnoreCase)))
            {
                Assert.True(value.Length < PlatformOptionsValidator.MinimumMasterKeyBytes, $"{key} in {example} looks like a usable key");
            }
        }
    }

    [Fact]
    public void Every_platform_setting_is_a_real_option()
    {
        var keys = Services.Entries.SelectMany(s => s.Value["environment"].Entries.Select(e => e.Key))
            .Concat(Directory.EnumerateFiles(DeployFiles.Path("deploy"), "*.env.example").SelectMany(f => EnvFile.Load(f).Keys));
        Assert.DoesNotContain(keys, k => k.StartsWith("Platform__", StringComparison.Ordinal) && !KnownOptionPaths.IsKnown(k));
    }

    private static string ServiceOf(string address) =>
        (address.Contains("://", StringComparison.Ordinal) ? new Uri(address) : new Uri("tcp://" + address)).Host;

    private static void AssertNamedVolumeAt(Yaml service, string path)
    {
        var mount = service["volumes"].Items.Select(v => v.String!.Split(':')).SingleOrDefault(parts => parts[1] == path);
        Assert.True(mount is not null, $"no volume mounted at {path}");
        Assert.True(Compose["volumes"].Entries.Any(v => v.Key == mount[0]), $"volume `{mount[0]}` is not declared");
    }
}
