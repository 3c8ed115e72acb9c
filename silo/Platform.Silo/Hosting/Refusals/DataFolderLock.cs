using System.Globalization;

namespace Platform.Silo.Hosting.Refusals;

/// <summary>
/// Keeps one process per data folder: an exclusive OS lock on <c>{DataPath}/.lock</c> (a <see cref="FileStream"/>
/// opened with <see cref="FileShare.None"/>, a <c>flock</c> on Linux), held for the life of the host. Two processes
/// on one folder overwrite each other's SQLite state and Lucene indexes and lose acknowledged writes. The OS
/// releases the lock when the process ends however it ends, so a restart after a crash or SIGKILL is never refused.
/// The holder's pid goes into <c>{DataPath}/.lock.pid</c>, a separate file because the locked one cannot be read
/// by another process, so the refusal can name it.
/// </summary>
/// <remarks>
/// Registered as a hosted service only so that the host owns it and disposes it (releasing the lock) when it is
/// disposed; starting and stopping do nothing.
/// </remarks>
internal sealed class DataFolderLock : IHostedService, IDisposable
{
    public const string LockFileName = ".lock";
    public const string PidFileName = ".lock.pid";

    private const int UnixWouldBlock = 11;

    private readonly FileStream _lock;
    private readonly string _pidFile;

    private DataFolderLock(FileStream held, string pidFile)
    {
        _lock = held;
        _pidFile = pidFile;
    }

    /// <exception cref="StartupRefusal">Another process holds the folder.</exception>
    public static DataFolderLock Acquire(string dataPath)
    {
        var folder = Path.GetFullPath(dataPath);
        Directory.CreateDirectory(folder);
        var lockFile = Path.Combine(folder, LockFileName);
        var pidFile = Path.Combine(folder, PidFileName);
        FileStream held;
        try
        {
            held = new FileStream(lockFile, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e) when (IsSharingViolation(e))
        {
            throw StartupRefusal.Conflict(
                $"{PlatformOptions.SectionName}:{nameof(PlatformOptions.DataPath)} {folder} is in use by {Holder(pidFile)} (lock file {lockFile}); "
                + "two processes on one data folder lose data. Stop that process, or give this one its own data folder.");
        }

        // Written beside the lock and renamed into place, so a reader sees a whole pid or the previous one.
        var temporary = pidFile + ".tmp";
        File.WriteAllText(temporary, Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
        File.Move(temporary, pidFile, overwrite: true);
        return new DataFolderLock(held, pidFile);
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
        // The pid goes first, while the lock still keeps other processes from writing theirs.
        File.Delete(_pidFile);
        _lock.Dispose();
    }

    /// <summary>EWOULDBLOCK from <c>flock</c> on Unix; ERROR_SHARING_VIOLATION or ERROR_LOCK_VIOLATION on Windows.</summary>
    private static bool IsSharingViolation(IOException e) =>
        OperatingSystem.IsWindows() ? (e.HResult & 0xFFFF) is 32 or 33 : e.HResult == UnixWouldBlock;

    private static string Holder(string pidFile)
    {
        try
        {
            return int.TryParse(File.ReadAllText(pidFile), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                ? $"process {pid}"
                : "another process";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "another process";
        }
    }
}
