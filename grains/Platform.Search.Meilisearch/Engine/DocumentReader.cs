using System.Text.Json;
using System.Text.Json.Nodes;
using Platform.Search.Engine;

namespace Platform.Search.Meilisearch.Engine;

using Platform.Search.Errors;
using DocumentsQuery = Platform.Search.Engine.DocumentsQuery;

/// <summary>
/// A tenant's document reads: one document by its <c>_pid</c>, or a page fetched with the isolation filter, both
/// returned without the platform's attributes.
/// </summary>
internal sealed class DocumentReader(AdminCalls calls, PhysicalLayout layout, PhysicalIndexes physical)
{
    public async Task<JsonObject> GetAsync(string tenant, string indexUid, string documentId, IReadOnlyList<string>? fields, CancellationToken cancellationToken)
    {
        SearchBodies.CheckNames(fields, "fields");
        var target = layout.DocumentIndex(indexUid, tenant);
        if (!DocumentIds.IsValid(documentId))
        {
            await physical.RequireDocumentIndexAsync(indexUid, target, cancellationToken);
            throw SearchEngineErrors.DocumentNotFound(documentId);
        }

        JsonObject document;
        try
        {
            document = await calls.Call((c, admin) => c.GetDocumentAsync(admin, target, PhysicalLayout.Pid(tenant, documentId), fields, cancellationToken), new(indexUid, target));
        }
        catch (SearchEngineException e) when (e.Code == ErrorCodes.DocumentNotFound)
        {
            throw SearchEngineErrors.DocumentNotFound(documentId);
        }
        catch (SearchEngineException e) when (e.Code == ErrorCodes.IndexNotFound && target != layout.DefinitionIndex(indexUid))
        {
            await physical.RequireDocumentIndexAsync(indexUid, layout.DefinitionIndex(indexUid), cancellationToken);
            throw SearchEngineErrors.DocumentNotFound(documentId);
        }

        // The pid already names the tenant; the stored attribute is checked too whenever it is displayed.
        if (document[PhysicalLayout.TenantAttribute] is JsonValue owner && owner.GetValueKind() == JsonValueKind.String && owner.GetValue<string>() != tenant)
        {
            throw SearchEngineErrors.DocumentNotFound(documentId);
        }

        return SearchBodies.StripDocument(document);
    }

    public async Task<DocumentsPage> BrowseAsync(string tenant, string indexUid, DocumentsQuery query, CancellationToken cancellationToken)
    {
        SearchBodies.CheckNames(query.Fields, "fields");
        SearchBodies.CheckFilter(query.Filter, SearchBodies.DocumentFilterError);
        if (query.Offset < 0 || query.Limit < 0)
        {
            throw new SearchEngineException(query.Offset < 0 ? ErrorCodes.InvalidDocumentOffset : ErrorCodes.InvalidDocumentLimit, "Offset and limit must be non-negative integers.");
        }

        var target = layout.DocumentIndex(indexUid, tenant);
        var fetch = new Meilisearch.DocumentsQuery
        {
            Filter = SearchBodies.Isolated(query.Filter, tenant),
            Fields = query.Fields,
            Offset = query.Offset,
            Limit = query.Limit,
        };
        try
        {
            var page = await calls.Call((c, admin) => c.FetchDocumentsAsync(admin, target, fetch, cancellationToken), new(indexUid, target));
            return new DocumentsPage(
                page.Results.Select(d => SearchBodies.StripDocument(d)).ToList(),
                page.Offset,
                page.Limit,
                (int)Math.Min(page.Total, int.MaxValue));
        }
        catch (SearchEngineException e) when (e.Code == ErrorCodes.IndexNotFound && target != layout.DefinitionIndex(indexUid))
        {
            await physical.RequireDocumentIndexAsync(indexUid, layout.DefinitionIndex(indexUid), cancellationToken);
            return new DocumentsPage([], query.Offset, query.Limit, 0);
        }
    }
}
