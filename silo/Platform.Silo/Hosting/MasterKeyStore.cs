using System.Security.Cryptography;

namespace Platform.Silo.Hosting;

/// <summary>
/// Resolves the master key (README.md#configuration): the configured one, or in development a key generated once and kept in
/// <c>{DataPath}/master-key</c> (readable by the owner only), so the platform never runs open.
/// </summary>
public static class MasterKeyStore
{
    public const string FileName = "master-key";

    public static (string Key, string? GeneratedAt) Resolve(PlatformOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MasterKey is { Length: > 0 } configured) return (configured, null);

        var path = Path.Combine(Path.GetFullPath(options.DataPath), FileName);
        if (File.Exists(path)) return (File.ReadAllText(path).Trim(), path);

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, key);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        // Rename is atomic: a crash never leaves a half-written key behind.
        File.Move(temporary, path, overwrite: false);
        return (key, path);
    }
}
