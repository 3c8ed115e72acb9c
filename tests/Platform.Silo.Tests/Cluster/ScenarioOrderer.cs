using Xunit.Abstractions;
using Xunit.Sdk;

namespace Platform.Silo.Tests.Cluster;

/// <summary>The step of a scenario that shares its cluster with the others: they run in this order.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ScenarioAttribute(int step) : Attribute
{
    public int Step { get; } = step;
}

/// <summary>Runs the tests of a class in the order of their <see cref="ScenarioAttribute"/>.</summary>
public sealed class ScenarioOrderer : ITestCaseOrderer
{
    public const string TypeName = "Platform.Silo.Tests.Cluster.ScenarioOrderer";
    public const string AssemblyName = "Platform.Silo.Tests";

    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases) where TTestCase : ITestCase =>
        testCases.OrderBy(t => Step(t));

    private static int Step(ITestCase testCase) =>
        testCase.TestMethod.Method.GetCustomAttributes(typeof(ScenarioAttribute).AssemblyQualifiedName)
            .Select(a => (int)a.GetConstructorArguments().First())
            .DefaultIfEmpty(int.MaxValue)
            .First();
}
