using System.Text.RegularExpressions;
using Platform.Silo.Hosting.Refusals;

namespace Platform.Silo.Tests.Hosting.Refusals;

/// <summary>The known keys come from the options types; every key the README documents is among them.</summary>
public sealed partial class PlatformKeyCatalogTests
{
    private static readonly PlatformKeyCatalog Catalog = PlatformKeyCatalog.FromOptionsTypes();

    [Theory]
    [InlineData("Platform:Listen")]
    [InlineData("platform:listen")]
    [InlineData("Platform:Cluster:SiloPort")]
    [InlineData("Platform:Search:Engine")]
    [InlineData("Platform:Search:Meilisearch:Resilience:MaxRetryAttempts")]
    [InlineData("Platform:Cors:AllowedOrigins:0")]
    [InlineData("Platform:Search:Meilisearch:DedicatedIndexes:3")]
    [InlineData("Platform:Tokens:ValidatedCacheBytes")]
    [InlineData("Platform:Tokens:MintCacheSizePerTenant")]
    [InlineData("Platform:Telemetry:OtlpEndpoint")]
    [InlineData("Platform:Cluster")]
    public void Keys_of_the_options_types_are_known(string key) => Assert.True(Catalog.IsKnown(key), key);

    [Theory]
    [InlineData("Platform:Lisen")]
    [InlineData("Platform:IsProduction")]
    [InlineData("Platform:Cors:AllowsAnyOrigin")]
    [InlineData("Platform:Cluster:SiloPort:0")]
    [InlineData("Platform:Search:Engines")]
    [InlineData("Platform:Nothing:Listen")]
    public void Misspelt_computed_and_invented_keys_are_unknown(string key) => Assert.False(Catalog.IsKnown(key), key);

    [Fact]
    public void Every_key_in_the_readme_configuration_table_is_known()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var documented = TableKey().Matches(readme).Select(m => m.Groups["key"].Value).Distinct().ToList();
        Assert.NotEmpty(documented);
        Assert.All(documented, key => Assert.True(Catalog.IsKnown(key), $"README documents {key}, which no options type binds"));
    }

    [Theory]
    [InlineData("Platform:Lisen", "Platform:Listen", 1)]
    [InlineData("platform:LISTEN", "Platform:Listen", 0)]
    [InlineData("kitten", "sitting", 3)]
    [InlineData("", "abc", 3)]
    public void Edit_distance_counts_insertions_deletions_and_substitutions_ignoring_case(string a, string b, int expected) =>
        Assert.Equal(expected, EditDistance.Between(a, b));

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Platform.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Platform.sln not found above the test binaries");
    }

    [GeneratedRegex(@"^\| `(?<key>Platform:[A-Za-z:]+)`", RegexOptions.Multiline)]
    private static partial Regex TableKey();
}
