using System.Diagnostics;
using System.Globalization;

namespace Platform.Silo.Tests.Deploy;

/// <summary>Linux's process table, read from <c>/proc</c>: descendants, command lines, and SIGTERM.</summary>
public static class ProcessTable
{
    public static bool IsRunning(int pid) => File.Exists($"/proc/{pid}/stat") && State(pid) is not ('Z' or 'X');

    /// <summary>The command line as the kernel shows it to every user (arguments separated by NUL).</summary>
    public static string CommandLine(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/cmdline").Replace('\0', ' ');
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>Every running process whose parent chain leads to <paramref name="root"/>.</summary>
    public static IReadOnlySet<int> Descendants(int root)
    {
        var parents = new Dictionary<int, int>();
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(directory), out var pid) && Parent(pid) is { } parent) parents[pid] = parent;
        }

        var children = parents.GroupBy(p => p.Value).ToDictionary(g => g.Key, g => g.Select(p => p.Key).ToList());
        var found = new HashSet<int>();
        var pending = new Stack<int>([root]);
        while (pending.TryPop(out var pid))
        {
            foreach (var child in children.GetValueOrDefault(pid, []))
            {
                if (found.Add(child)) pending.Push(child);
            }
        }

        return found;
    }

    /// <summary>Every running process whose command line contains <paramref name="text"/>.</summary>
    public static IReadOnlyList<int> WithCommandLineContaining(string text) =>
        [.. Directory.EnumerateDirectories("/proc")
            .Select(d => int.TryParse(Path.GetFileName(d), out var pid) ? pid : 0)
            .Where(pid => pid > 0 && IsRunning(pid) && CommandLine(pid).Contains(text, StringComparison.Ordinal))];

    public static void Terminate(int pid)
    {
        using var kill = Process.Start("kill", ["-TERM", pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Fields of <c>/proc/{pid}/stat</c> after the command name, which may itself hold spaces and parentheses.</summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static char? State(int pid) => StatFields(pid)?[0][0];

    private static int? Parent(int pid) => StatFields(pid) is { } fields ? int.Parse(fields[1], CultureInfo.InvariantCulture) : null;
}
