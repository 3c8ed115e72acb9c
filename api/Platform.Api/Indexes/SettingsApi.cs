using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Platform.Api.Auth;
using Platform.Api.Cors;
using Platform.Api.Errors;
using Platform.Api.Json;
using Platform.Api.Tasks;
using Platform.Grains.Indexes;
using Platform.Search.Engine;
using Platform.Search.Errors;

namespace Platform.Api.Indexes;

/// <summary>
/// Operator routes for index settings: <c>/indexes/{uid}/settings</c> and the per-setting sub-routes. Like
/// Meilisearch, a settings update on a missing index creates the index.
/// </summary>
internal static class SettingsApi
{
    public static RouteGroupBuilder MapSettingsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/indexes/{uid}/settings").WithTags("Settings").RequireMasterKey()
            .RequireMeilisearchCors()
            .ProducesErrors(ErrorResponses.Authenticated);
        group.MapGet("", GetSettings).WithName(nameof(GetSettings))
            .WithSummary("Get settings")
            .WithDescription("The index's displayed, searchable, filterable and sortable attributes, and its distinct attribute.");
        group.MapPatch("", UpdateSettings).WithName(nameof(UpdateSettings))
            .WithSummary("Update settings")
            .WithDescription("Changes the settings the body names; creates the index when it is missing, as Meilisearch does. Answers 202 with a summarized task.");
        group.MapDelete("", ResetSettings).WithName(nameof(ResetSettings))
            .WithSummary("Reset settings")
            .WithDescription("Resets every setting to its default. Answers 202 with a summarized task.");
        group.MapGet("/{setting}", GetSetting).WithName(nameof(GetSetting))
            .WithSummary("Get one setting")
            .WithDescription("One setting by its route name (`displayed-attributes`, `searchable-attributes`, `filterable-attributes`, `sortable-attributes`).");
        group.MapPut("/{setting}", UpdateSetting).WithName(nameof(UpdateSetting))
            .WithSummary("Update one setting")
            .WithDescription("Replaces one setting with the body's value. Answers 202 with a summarized task.");
        group.MapDelete("/{setting}", ResetSetting).WithName(nameof(ResetSetting))
            .WithSummary("Reset one setting")
            .WithDescription("Resets one setting to its default. Answers 202 with a summarized task.");
        return group;
    }

    public static async Task<Ok<SettingsView>> GetSettings(string uid, IGrainFactory grains) =>
        TypedResults.Ok(SettingsView.From((await IndexesApi.Existing(grains, uid)).Settings));

    public static async Task<Accepted<SummarizedTaskView>> UpdateSettings(
        string uid, HttpRequest request, IGrainFactory grains)
    {
        IndexUid.FromRoute(uid);
        var body = await JsonBody.ReadObjectAsync(request, "settings");
        var change = SettingsRequests.ReadPatch(body, Isolation.Attribute);
        return await Enqueue(uid, change, body.Body, grains);
    }

    public static Task<Accepted<SummarizedTaskView>> ResetSettings(string uid, IGrainFactory grains)
    {
        IndexUid.FromRoute(uid);
        var reset = new IndexSettingsChange(true, null, true, null, true, null, true, null, true, null);
        return Enqueue(uid, reset, null, grains);
    }

    public static async Task<Ok<IReadOnlyList<string>>> GetSetting(string uid, string setting, IGrainFactory grains)
    {
        var field = Field(setting);
        var settings = SettingsView.From((await IndexesApi.Existing(grains, uid)).Settings);
        var value = field switch
        {
            SettingsRequests.Displayed => settings.DisplayedAttributes,
            SettingsRequests.Searchable => settings.SearchableAttributes,
            SettingsRequests.Filterable => settings.FilterableAttributes,
            _ => settings.SortableAttributes,
        };
        return TypedResults.Ok(value);
    }

    public static async Task<Accepted<SummarizedTaskView>> UpdateSetting(
        string uid, string setting, HttpRequest request, IGrainFactory grains)
    {
        var field = Field(setting);
        IndexUid.FromRoute(uid);
        var value = await JsonBody.ReadAsync(request);
        var reader = new JsonObjectReader(value, "settings");
        var change = SettingsRequests.Apply(new IndexSettingsChange(), reader, field, value, Isolation.Attribute);
        var details = new Dictionary<string, JsonElement> { [field] = value };
        return await Enqueue(uid, change, JsonSerializer.SerializeToElement(details), grains);
    }

    public static Task<Accepted<SummarizedTaskView>> ResetSetting(string uid, string setting, IGrainFactory grains)
    {
        var field = Field(setting);
        IndexUid.FromRoute(uid);
        var nullValue = JsonSerializer.SerializeToElement<object?>(null);
        var change = SettingsRequests.Apply(new IndexSettingsChange(), new JsonObjectReader(nullValue, "settings"),
            field, nullValue, Isolation.Attribute);
        return Enqueue(uid, change, null, grains);
    }

    private static async Task<Accepted<SummarizedTaskView>> Enqueue(
        string uid, IndexSettingsChange change, JsonElement? details, IGrainFactory grains)
    {
        var task = await grains.GetGrain<IIndexGrain>(uid).UpdateSettings(change, details?.GetRawText());
        return TaskResults.Accepted(task);
    }

    private static string Field(string setting) =>
        SettingsRequests.Routes.TryGetValue(setting, out var field)
            ? field
            : throw new ApiError(ErrorCodes.NotFound, "Not found.");
}
