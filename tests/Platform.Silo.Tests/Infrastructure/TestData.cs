namespace Platform.Silo.Tests.Infrastructure;

/// <summary>A temporary data folder, deleted on dispose.</summary>
public sealed class TestData : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "platform-tests", Guid.NewGuid().ToString("N"));

    public TestData() => Directory.CreateDirectory(Path);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A killed process may still hold a file for a moment; the OS temp cleaner takes the rest.
        }
    }
}
