using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Platform.Grains.Indexes;
using IndexSettings = Platform.Search.Engine.IndexSettings;
using Platform.Search.Embedded;
using Platform.Search.Engine;
using Platform.Search.Filters;

namespace Platform.Meilisearch.StandIn.Engine;

/// <summary>
/// Meilisearch's indexes on the embedded engine. The engine is multi-tenant; Meilisearch is not, so every call uses one
/// fixed internal tenant. Writes are called by the task worker only (one at a time); reads by any request.
/// Names cross <see cref="AttributeAliases"/> both ways, and engine errors leave with their messages translated back.
/// </summary>
internal sealed class StandInIndexes(LuceneSearchEngine engine, TimeProvider time) : IDisposable
{
    private static readonly TenantScope Scope = new("standin");

    private readonly ConcurrentDictionary<string, IndexDates> _dates = new(StringComparer.Ordinal);

    /// <summary>When an index was created and last changed; Meilisearch reports both.</summary>
    public sealed record IndexDates(DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

    /// <summary>An index as <c>GET /indexes/{uid}</c> shows it.</summary>
    public sealed record IndexView(string Uid, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? PrimaryKey);

    public bool Exists(string uid) => _dates.ContainsKey(uid);

    public IndexView Get(string uid)
    {
        if (!_dates.TryGetValue(uid, out var dates))
        {
            throw SearchEngineErrors.IndexNotFound(uid);
        }

        var info = Call(() => engine.GetIndexAsync(uid).GetAwaiter().GetResult());
        return new IndexView(uid, dates.CreatedAt, dates.UpdatedAt, info.PrimaryKey is null ? null : AttributeAliases.Out(info.PrimaryKey));
    }

    /// <summary>Every index, by uid, as Meilisearch lists them.</summary>
    public IReadOnlyList<IndexView> List() =>
        [.. _dates.Keys.Order(StringComparer.Ordinal).Select(uid => TryGet(uid)).OfType<IndexView>()];

    public IndexSettings GetSettings(string uid)
    {
        Require(uid);
        return AttributeAliases.Out(Call(() => engine.GetSettingsAsync(uid).GetAwaiter().GetResult()));
    }

    public JsonObject GetDocument(string uid, string id, IReadOnlyList<string>? fields)
    {
        Require(uid);
        return AttributeAliases.DocumentOut(Call(() => engine.GetDocumentAsync(Scope, uid, id, AttributeAliases.In(fields)).GetAwaiter().GetResult()));
    }

    public DocumentsPage GetDocuments(string uid, DocumentsQuery query)
    {
        Require(uid);
        var page = Call(() => engine.GetDocumentsAsync(Scope, uid, query with { Fields = AttributeAliases.In(query.Fields), Filter = AttributeAliases.In(query.Filter) }).GetAwaiter().GetResult());
        return page with { Results = [.. page.Results.Select(AttributeAliases.DocumentOut)] };
    }

    public SearchResponse Search(string uid, SearchRequest request, CancellationToken cancellationToken)
    {
        Require(uid);
        return AttributeAliases.Out(Call(() => engine.SearchAsync(Scope, uid, AttributeAliases.In(request), cancellationToken).GetAwaiter().GetResult()));
    }

    public FacetSearchResponse FacetSearch(string uid, FacetSearchRequest request, CancellationToken cancellationToken)
    {
        Require(uid);
        return Call(() => engine.FacetSearchAsync(Scope, uid, AttributeAliases.In(request), cancellationToken).GetAwaiter().GetResult());
    }

    // Writes: called by the task worker only.

    public void Create(string uid, string? primaryKey)
    {
        Call(() => engine.CreateIndexAsync(uid, primaryKey is null ? null : AttributeAliases.In(primaryKey)).GetAwaiter().GetResult());
        var now = time.GetUtcNow();
        _dates[uid] = new IndexDates(now, now);
    }

    public void UpdatePrimaryKey(string uid, string primaryKey)
    {
        Require(uid);
        var current = Call(() => engine.GetSettingsAsync(uid).GetAwaiter().GetResult());
        if (current.PrimaryKey is { } existing && existing != AttributeAliases.In(primaryKey) && Count(uid) > 0)
        {
            throw new SearchEngineException(Platform.Search.Errors.ErrorCodes.IndexPrimaryKeyAlreadyExists, $"Index `{uid}`: Index already has a primary key: `{AttributeAliases.Out(existing)}`.");
        }

        Call(() => engine.UpdateSettingsAsync(uid, current with { PrimaryKey = AttributeAliases.In(primaryKey) }).GetAwaiter().GetResult());
        Touch(uid);
    }

    /// <summary>Deletes the index and answers how many documents it held.</summary>
    public int Delete(string uid)
    {
        Require(uid);
        var count = Count(uid);
        Call(() => engine.DeleteIndexAsync(uid).GetAwaiter().GetResult());
        _dates.TryRemove(uid, out _);
        return count;
    }

    /// <summary>Applies a partial settings change (a null value with its flag set resets that setting).</summary>
    public void UpdateSettings(string uid, IndexSettingsChange change)
    {
        Require(uid);
        var defaults = new IndexSettings();
        var current = Call(() => engine.GetSettingsAsync(uid).GetAwaiter().GetResult());
        var updated = current with
        {
            DisplayedAttributes = change.SetDisplayedAttributes ? AttributeAliases.In(change.DisplayedAttributes) ?? defaults.DisplayedAttributes : current.DisplayedAttributes,
            SearchableAttributes = change.SetSearchableAttributes ? AttributeAliases.In(change.SearchableAttributes) ?? defaults.SearchableAttributes : current.SearchableAttributes,
            FilterableAttributes = change.SetFilterableAttributes ? AttributeAliases.In(change.FilterableAttributes) ?? defaults.FilterableAttributes : current.FilterableAttributes,
            SortableAttributes = change.SetSortableAttributes ? AttributeAliases.In(change.SortableAttributes) ?? defaults.SortableAttributes : current.SortableAttributes,
            DistinctAttribute = change.SetDistinctAttribute ? change.DistinctAttribute is null ? null : AttributeAliases.In(change.DistinctAttribute) : current.DistinctAttribute,
        };
        Call(() => engine.UpdateSettingsAsync(uid, updated).GetAwaiter().GetResult());
        Touch(uid);
    }

    /// <summary>Adds documents, creating the index first when <paramref name="mayCreate"/> allows it.</summary>
    public DocumentWriteResult AddDocuments(string uid, IReadOnlyList<JsonObject> documents, DocumentWriteMode mode, string? primaryKey, bool mayCreate)
    {
        if (!Exists(uid))
        {
            if (!mayCreate) throw SearchEngineErrors.IndexNotFound(uid);
            Create(uid, null);
        }

        var result = Call(() => engine.AddDocumentsAsync(Scope, uid, [.. documents.Select(AttributeAliases.DocumentIn)], mode, primaryKey is null ? null : AttributeAliases.In(primaryKey)).GetAwaiter().GetResult());
        Touch(uid);
        return result;
    }

    public DocumentDeletionResult DeleteDocuments(string uid, IReadOnlyList<string> ids)
    {
        Require(uid);
        var result = Call(() => engine.DeleteDocumentsAsync(Scope, uid, ids).GetAwaiter().GetResult());
        Touch(uid);
        return result;
    }

    public DocumentDeletionResult DeleteDocuments(string uid, FilterExpression filter)
    {
        Require(uid);
        var result = Call(() => engine.DeleteDocumentsByFilterAsync(Scope, uid, AttributeAliases.In(filter)!).GetAwaiter().GetResult());
        Touch(uid);
        return result;
    }

    public DocumentDeletionResult DeleteAllDocuments(string uid)
    {
        Require(uid);
        var result = Call(() => engine.DeleteAllDocumentsAsync(Scope, uid).GetAwaiter().GetResult());
        Touch(uid);
        return result;
    }

    public int Count(string uid) => Call(() => engine.GetDocumentsAsync(Scope, uid, new DocumentsQuery { Limit = 0 }).GetAwaiter().GetResult()).Total;

    public void Dispose() => engine.Dispose();

    private IndexView? TryGet(string uid)
    {
        try
        {
            return Get(uid);
        }
        catch (SearchEngineException)
        {
            return null; // deleted while listing
        }
    }

    private void Require(string uid)
    {
        if (!Exists(uid)) throw SearchEngineErrors.IndexNotFound(uid);
    }

    private void Touch(string uid) => _dates.AddOrUpdate(uid, _ => new IndexDates(time.GetUtcNow(), time.GetUtcNow()), (_, d) => d with { UpdatedAt = time.GetUtcNow() });

    /// <summary>Runs an engine call; its error leaves with <c>_tenant</c> spelled as the client wrote it.</summary>
    private static T Call<T>(Func<T> call)
    {
        try
        {
            return call();
        }
        catch (SearchEngineException e)
        {
            throw new SearchEngineException(e.Code, AttributeAliases.Message(e.Message), e.HttpStatus, e.Type);
        }
    }
}
