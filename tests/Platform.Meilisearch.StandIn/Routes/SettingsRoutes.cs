using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Indexes;
using Platform.Api.Json;
using Platform.Grains.Indexes;
using Platform.Meilisearch.StandIn.Auth;
using Platform.Meilisearch.StandIn.Engine;
using Platform.Meilisearch.StandIn.Tasks;
using Platform.Search.Engine;

namespace Platform.Meilisearch.StandIn.Routes;

/// <summary>
/// Meilisearch's <c>/indexes/{uid}/settings</c>: get, patch (a partial update; an explicit null resets a setting),
/// reset. Only the five settings the embedded engine honours can be changed; the others read as Meilisearch's defaults.
/// </summary>
internal static class SettingsRoutes
{
    // No attribute is reserved for Meilisearch: this sentinel can never be an attribute name.
    private const string NoReservedAttribute = "\0";

    public static void MapSettingsRoutes(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/indexes/{uid}/settings", GetSettings);
        routes.MapPatch("/indexes/{uid}/settings", UpdateSettings);
        routes.MapDelete("/indexes/{uid}/settings", ResetSettings);
    }

    public static IResult GetSettings(string uid, HttpContext context, StandInAuthenticator auth, StandInIndexes indexes)
    {
        auth.Authenticate(context, StandInActions.SettingsGet, IndexUid.FromRoute(uid));
        return TypedResults.Ok(SettingsView.ToJson(indexes.GetSettings(uid)));
    }

    public static async Task<IResult> UpdateSettings(string uid, HttpContext context, StandInAuthenticator auth, StandInIndexes indexes, TaskQueue tasks)
    {
        var caller = auth.Authenticate(context, StandInActions.SettingsUpdate, IndexUid.FromRoute(uid));
        var body = await JsonBody.ReadObjectAsync(context.Request, "settings");
        var change = SettingsRequests.ReadPatch(body, NoReservedAttribute);
        var details = JsonNode.Parse(body.Body.GetRawText()) as JsonObject;
        var mayCreate = caller.Key is null || caller.Key.Grants(StandInActions.IndexesCreate);
        return IndexRoutes.Accepted(tasks.Enqueue(uid, "settingsUpdate", details, () =>
        {
            if (!indexes.Exists(uid))
            {
                if (!mayCreate) throw SearchEngineErrors.IndexNotFound(uid);
                indexes.Create(uid, null);
            }

            indexes.UpdateSettings(uid, change);
            return null;
        }));
    }

    public static IResult ResetSettings(string uid, HttpContext context, StandInAuthenticator auth, StandInIndexes indexes, TaskQueue tasks)
    {
        auth.Authenticate(context, StandInActions.SettingsUpdate, IndexUid.FromRoute(uid));
        var reset = new IndexSettingsChange(
            SetDisplayedAttributes: true, SetSearchableAttributes: true, SetFilterableAttributes: true,
            SetSortableAttributes: true, SetDistinctAttribute: true);
        var details = new JsonObject
        {
            [SettingsRequests.Displayed] = null,
            [SettingsRequests.Searchable] = null,
            [SettingsRequests.Filterable] = null,
            [SettingsRequests.Sortable] = null,
            [SettingsRequests.Distinct] = null,
        };
        return IndexRoutes.Accepted(tasks.Enqueue(uid, "settingsUpdate", details, () =>
        {
            indexes.UpdateSettings(uid, reset);
            return null;
        }));
    }
}
