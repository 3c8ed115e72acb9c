namespace Platform.Search.Meilisearch.Tests.Infrastructure;

/// <summary>
/// Marks a test class that needs environment variables (a live server's address and key). When one is missing,
/// <see cref="EnvironmentTestFramework"/> reports each of the class's tests as skipped with the reason, instead of
/// running it. The attribute is on the class, not the test methods, so one abstract suite can run both against an
/// engine that is always there and against one that is only there when configured.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = true)]
public sealed class RequiresEnvironmentAttribute(params string[] variables) : Attribute
{
    public IReadOnlyList<string> Variables { get; } = variables;

    /// <summary>Why the tests cannot run here, or null when every variable is set.</summary>
    public string? SkipReason()
    {
        var missing = Variables.Where(v => string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(v))).ToList();
        return missing.Count == 0
            ? null
            : $"Live test: set {string.Join(" and ", Variables)} to run it against a real server (missing: {string.Join(", ", missing)}).";
    }
}
