using System.Text.Json.Nodes;
using Platform.Search.Filters;

namespace Platform.Search.Engine;

/// <summary>How a document batch treats documents that already exist for the same id (docs/api-reference.md#documents).</summary>
public enum DocumentWriteMode
{
    /// <summary><c>POST /documents</c>: the new document replaces the stored one.</summary>
    AddOrReplace,

    /// <summary><c>PUT /documents</c>: the new top-level fields are merged into the stored document (shallow).</summary>
    AddOrUpdate,
}

/// <summary>Counts for a <c>documentAdditionOrUpdate</c> task's details.</summary>
public sealed record DocumentWriteResult(int ReceivedDocuments, int IndexedDocuments);

/// <summary>Counts for a <c>documentDeletion</c> task's details; <paramref name="ProvidedIds"/> is 0 for deletes by filter.</summary>
public sealed record DocumentDeletionResult(int ProvidedIds, int DeletedDocuments);

/// <summary><c>GET /documents</c> and <c>POST /documents/fetch</c> parameters.</summary>
public sealed record DocumentsQuery
{
    public int Offset { get; init; }

    public int Limit { get; init; } = 20;

    /// <summary>Attributes to return; null means every displayed attribute.</summary>
    public IReadOnlyList<string>? Fields { get; init; }

    /// <summary>Parsed filter (attributes must be filterable), or null.</summary>
    public FilterExpression? Filter { get; init; }
}

/// <summary>A page of documents in storage order.</summary>
public sealed record DocumentsPage(IReadOnlyList<JsonObject> Results, int Offset, int Limit, int Total);
