using System.Text.Json.Nodes;

namespace Platform.Search.Meilisearch.Tests.Infrastructure;

internal static class AssertJson
{
    /// <summary>Structural JSON equality (member order ignored), with both sides shown on failure.</summary>
    public static void Equal(string expected, string actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        var actualNode = JsonNode.Parse(actual);
        Assert.True(JsonNode.DeepEquals(expectedNode, actualNode), $"Expected JSON {expectedNode?.ToJsonString()}\nbut got {actualNode?.ToJsonString()}");
    }
}
