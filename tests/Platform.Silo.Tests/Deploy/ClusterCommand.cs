using System.Globalization;

namespace Platform.Silo.Tests.Deploy;

/// <summary>
/// The cluster command as deploy/README.md documents it (the README's copy must be the same text): the environment
/// variables it names, the script, and its options, so a test can run exactly that with its own ports and folders.
/// </summary>
public sealed record ClusterCommand(IReadOnlyList<string> Variables, string Script, IReadOnlyList<(string Flag, string? Value)> Options)
{
    private const string ScriptName = "deploy/run-cluster.sh";

    /// <summary>The command in a file's <c>```sh</c> blocks: the (continued) line that runs the script.</summary>
    public static string TextIn(string markdown)
    {
        var lines = markdown.Replace("\\\n", " ", StringComparison.Ordinal).Split('\n');
        var inShell = false;
        var found = new List<string>();
        foreach (var line in lines)
        {
            if (line.StartsWith("```", StringComparison.Ordinal))
            {
                inShell = line.Trim() == "```sh";
                continue;
            }

            if (inShell && line.Contains(ScriptName, StringComparison.Ordinal) && !line.TrimStart().StartsWith('#'))
            {
                found.Add(string.Join(' ', line.Split(' ', StringSplitOptions.RemoveEmptyEntries)));
            }
        }

        return Assert.Single(found);
    }

    public static ClusterCommand Parse(string text)
    {
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var variables = tokens.TakeWhile(t => t.Contains('=', StringComparison.Ordinal)).Select(t => t.Split('=')[0]).ToList();
        var script = tokens[variables.Count];
        Assert.Equal(ScriptName, script);
        var options = new List<(string, string?)>();
        for (var i = variables.Count + 1; i < tokens.Length; i++)
        {
            var hasValue = i + 1 < tokens.Length && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal);
            options.Add((tokens[i], hasValue ? tokens[++i] : null));
        }

        return new ClusterCommand(variables, script, options);
    }

    public string? Value(string flag) => Options.FirstOrDefault(o => o.Flag == flag).Value;

    public int Silos => int.Parse(Value("--silos") ?? "3", CultureInfo.InvariantCulture);

    /// <summary>The same options with values replaced where <paramref name="values"/> has one; any other option must be a flag.</summary>
    public IReadOnlyList<string> Arguments(IReadOnlyDictionary<string, string> values) =>
        [.. Options.SelectMany(o =>
        {
            if (o.Value is null) return new[] { o.Flag };
            Assert.True(values.ContainsKey(o.Flag) || o.Flag == "--silos", $"the test does not know what to give {o.Flag}");
            return [o.Flag, values.GetValueOrDefault(o.Flag, o.Value)];
        })];
}
