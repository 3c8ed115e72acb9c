using Platform.Silo.Hosting;

namespace Platform.Silo.Tests.Deploy;

/// <summary>The image: non-root, a HEALTHCHECK on the ready probe, the host's ports, only the silo published.</summary>
public sealed class DockerfileTests
{
    private static readonly Dockerfile Image = Dockerfile.Load(DeployFiles.Path("deploy/Dockerfile"));

    [Fact]
    public void The_image_runs_as_a_non_root_user()
    {
        var user = Image.FinalStage.LastOrDefault(i => i.Keyword == "USER").Arguments;
        Assert.False(string.IsNullOrEmpty(user), "the final stage has no USER");
        Assert.DoesNotContain(user.Split(':')[0], new[] { "root", "0" });
    }

    [Fact]
    public void The_healthcheck_asks_the_ready_probe_on_the_listening_port()
    {
        var check = Assert.Single(Image.FinalStage, i => i.Keyword == "HEALTHCHECK").Arguments;
        var listen = new Uri(Image.Environment["Platform__Listen"]);
        Assert.Contains($"http://127.0.0.1:{listen.Port}{HostRoutes.Ready} ", check, StringComparison.Ordinal);
    }

    [Fact]
    public void The_exposed_ports_are_the_http_and_silo_ports()
    {
        var exposed = Image.FinalStage.Where(i => i.Keyword == "EXPOSE").SelectMany(i => i.Arguments.Split(' ')).ToHashSet();
        Assert.Contains(new Uri(Image.Environment["Platform__Listen"]).Port.ToString(System.Globalization.CultureInfo.InvariantCulture), exposed);
        Assert.Contains(new PlatformClusterOptions().SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture), exposed);
    }

    [Fact]
    public void Only_the_silo_is_published_and_nothing_from_tests_is_copied()
    {
        var publish = Assert.Single(Image.Instructions, i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal));
        Assert.Contains("dotnet publish silo/Platform.Silo ", publish.Arguments, StringComparison.Ordinal);
        Assert.DoesNotContain(Image.Instructions, i => i.Keyword is "COPY" or "ADD" && (i.Arguments.Contains("tests", StringComparison.Ordinal) || i.Arguments.StartsWith(". ", StringComparison.Ordinal)));
        Assert.Equal("[\"dotnet\", \"Platform.Silo.dll\"]", Image.FinalStage.Last(i => i.Keyword == "ENTRYPOINT").Arguments);
    }

    [Fact]
    public void Every_platform_setting_in_the_image_is_a_real_option()
    {
        Assert.DoesNotContain(Image.Environment.Keys, k => k.StartsWith("Platform__", StringComparison.Ordinal) && !KnownOptionPaths.IsKnown(k));
    }

    [Fact]
    public void The_build_context_leaves_out_outputs_local_data_tests_and_keys()
    {
        var ignored = DeployFiles.Text(".dockerignore").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).ToHashSet();
        Assert.Superset(new HashSet<string> { "**/bin/", "**/obj/", "**/node_modules/", "**/.platform-data/", "**/TestResults/", "tests/", "deploy/*.env", ".git/" }, ignored);
    }
}
