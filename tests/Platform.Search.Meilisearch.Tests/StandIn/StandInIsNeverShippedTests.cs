namespace Platform.Search.Meilisearch.Tests.StandIn;

/// <summary>The stand-in is a test fixture: no project of the platform itself may reference it.</summary>
public sealed class StandInIsNeverShippedTests
{
    [Fact]
    public void No_project_under_silo_api_or_grains_references_the_stand_in()
    {
        var root = RepositoryRoot();
        var shipped = new[] { "silo", "api", "grains" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(root, folder), "*.csproj", SearchOption.AllDirectories))
            .ToList();

        Assert.NotEmpty(shipped);
        // A ProjectReference would ship it; Platform.Api's InternalsVisibleTo for it only lends it the readers.
        Assert.All(shipped, project => Assert.DoesNotContain(
            File.ReadAllLines(project), line => line.Contains("ProjectReference", StringComparison.Ordinal) && line.Contains("Platform.Meilisearch.StandIn", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_stand_in_is_not_packable()
    {
        var project = File.ReadAllText(Path.Combine(RepositoryRoot(), "tests", "Platform.Meilisearch.StandIn", "Platform.Meilisearch.StandIn.csproj"));

        Assert.Contains("<IsPackable>false</IsPackable>", project, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Platform.sln"))) return folder.FullName;
        }

        throw new InvalidOperationException("Platform.sln not found above " + AppContext.BaseDirectory);
    }
}
