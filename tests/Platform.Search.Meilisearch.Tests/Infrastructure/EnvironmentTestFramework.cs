using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Platform.Search.Meilisearch.Tests.Infrastructure.EnvironmentTestFramework", "Platform.Search.Meilisearch.Tests")]

namespace Platform.Search.Meilisearch.Tests.Infrastructure;

/// <summary>
/// xunit's own framework, except that the tests of a class marked <see cref="RequiresEnvironmentAttribute"/> are
/// discovered as skipped (with the attribute's reason) while its variables are missing. Every other class is
/// discovered exactly as usual.
/// </summary>
public sealed class EnvironmentTestFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    protected override ITestFrameworkDiscoverer CreateDiscoverer(IAssemblyInfo assemblyInfo) =>
        new Discoverer(assemblyInfo, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Discoverer(IAssemblyInfo assemblyInfo, ISourceInformationProvider sourceProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkDiscoverer(assemblyInfo, sourceProvider, diagnosticMessageSink)
    {
        protected override bool FindTestsForMethod(ITestMethod testMethod, bool includeSourceInformation, IMessageBus messageBus, ITestFrameworkDiscoveryOptions discoveryOptions)
        {
            var reason = (testMethod.TestClass.Class as IReflectionTypeInfo)?.Type.GetCustomAttribute<RequiresEnvironmentAttribute>()?.SkipReason();
            if (reason is null || !testMethod.Method.GetCustomAttributes(typeof(FactAttribute)).Any())
            {
                return base.FindTestsForMethod(testMethod, includeSourceInformation, messageBus, discoveryOptions);
            }

            var skipped = new XunitSkippedDataRowTestCase(
                DiagnosticMessageSink,
                discoveryOptions.MethodDisplayOrDefault(),
                discoveryOptions.MethodDisplayOptionsOrDefault(),
                testMethod,
                reason);
            return ReportDiscoveredTestCase(skipped, includeSourceInformation, messageBus);
        }
    }
}
