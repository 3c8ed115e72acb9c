using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace Platform.Silo.Tests.Deploy;

/// <summary>The repository's deploy material, read from the source tree (not from the test output).</summary>
public static class DeployFiles
{
    public static string Root { get; } = FindRoot();

    public static string Path(string relative) => System.IO.Path.Combine(Root, relative);

    public static string Text(string relative) => File.ReadAllText(Path(relative));

    public static IEnumerable<string> KubernetesManifests =>
        Directory.EnumerateFiles(Path("deploy/kubernetes"), "*.yaml").Order(StringComparer.Ordinal);

    /// <summary>Every YAML document of a file, anchors and merge keys (<c>&lt;&lt;: *x</c>) resolved as Compose does.</summary>
    public static IReadOnlyList<Yaml> Documents(string path)
    {
        using var reader = new StringReader(File.ReadAllText(path));
        var parser = new MergingParser(new Parser(reader));
        var deserializer = new DeserializerBuilder().Build();
        var documents = new List<Yaml>();
        parser.Consume<StreamStart>();
        while (parser.Accept<DocumentStart>(out _)) documents.Add(new Yaml(deserializer.Deserialize<object?>(parser)));
        return documents;
    }

    private static string FindRoot()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(System.IO.Path.Combine(root, "Platform.sln"))) root = System.IO.Path.GetDirectoryName(root)!;
        return root;
    }
}
