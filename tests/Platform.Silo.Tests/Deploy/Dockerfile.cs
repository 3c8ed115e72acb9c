using System.Text.RegularExpressions;

namespace Platform.Silo.Tests.Deploy;

/// <summary>deploy/Dockerfile as instructions: continuation lines joined, comments dropped.</summary>
public sealed partial class Dockerfile
{
    private Dockerfile(IReadOnlyList<(string Keyword, string Arguments)> instructions) => Instructions = instructions;

    public IReadOnlyList<(string Keyword, string Arguments)> Instructions { get; }

    /// <summary>The instructions after the last <c>FROM</c>: what the shipped image is made of.</summary>
    public IEnumerable<(string Keyword, string Arguments)> FinalStage =>
        Instructions.Skip(Instructions.Select((instruction, index) => (instruction, index)).Last(i => i.instruction.Keyword == "FROM").index);

    /// <summary><c>ENV</c> variables of the final stage (<c>ENV A=1 \ B=2</c> form).</summary>
    public IReadOnlyDictionary<string, string> Environment =>
        FinalStage.Where(i => i.Keyword == "ENV")
            .SelectMany(i => EnvPair().Matches(i.Arguments))
            .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value, StringComparer.Ordinal);

    public static Dockerfile Load(string path)
    {
        var joined = File.ReadAllText(path).Replace("\\\n", " ", StringComparison.Ordinal);
        var instructions = joined.Split('\n')
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line =>
            {
                var space = line.IndexOf(' ', StringComparison.Ordinal);
                return (line[..space].ToUpperInvariant(), line[(space + 1)..].Trim());
            })
            .ToList();
        return new Dockerfile(instructions);
    }

    [GeneratedRegex(@"(?<name>[A-Za-z_][A-Za-z0-9_]*)=(?<value>\S*)")]
    private static partial Regex EnvPair();
}
