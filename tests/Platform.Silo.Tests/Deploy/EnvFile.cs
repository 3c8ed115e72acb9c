namespace Platform.Silo.Tests.Deploy;

/// <summary>A <c>KEY=value</c> env file (comments and blank lines skipped), as Compose's <c>env_file</c> reads it.</summary>
public static class EnvFile
{
    public static IReadOnlyDictionary<string, string> Load(string path) =>
        File.ReadAllLines(path)
            .Select(line => line.Trim())
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .Select(line => line.Split('=', 2))
            .ToDictionary(pair => pair[0], pair => pair[1], StringComparer.Ordinal);
}
