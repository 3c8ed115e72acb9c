using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Grains.Tasks;
using Platform.Api.Auth;
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
        var group = routes.MapGroup("/indexes/{uid}/settings").WithTags("Settings").RequireMasterKey();
        group.MapGet("", GetSettings).WithName(nameof(GetSettings));
        group.MapPatch("", UpdateSettings).WithName(nameof(UpdateSettings));
        group.MapDelete("", ResetSettings).WithName(nameof(ResetSettings));
        group.MapGet("/{setting}", GetSetting).WithName(nameof(GetSetting));
        group.MapPut("/{setting}", UpdateSetting).WithName(nameof(UpdateSetting));
        group.MapDelete("/{setting}", ResetSetting).WithName(nameof(ResetSetting));
        return group;
    }

    public static async Task<IResult> GetSettings(string uid, IGrainFactory grains) =>
        TypedResults.Json(SettingsView.From((await IndexesApi.Existing(grains, uid)).Settings), ApiJson.Options);

    public static async Task<IResult> UpdateSettings(
        string uid, HttpRequest request, IGrainFactory grains, TaskRunner tasks)
    {
        IndexUid.FromRoute(uid);
        var body = await JsonBody.ReadObjectAsync(request, "settings");
        var change = SettingsRequests.ReadPatch(body, Isolation.Attribute);
        return await Enqueue(uid, change, body.Body, grains, tasks);
    }

    public static Task<IResult> ResetSettings(string uid, IGrainFactory grains, TaskRunner tasks)
    {
        IndexUid.FromRoute(uid);
        var reset = new IndexSettingsChange(true, null, true, null, true, null, true, null, true, null);
        return Enqueue(uid, reset, null, grains, tasks);
    }

    public static async Task<IResult> GetSetting(string uid, string setting, IGrainFactory grains)
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
        return TypedResults.Json(value, ApiJson.Options);
    }

    public static async Task<IResult> UpdateSetting(
        string uid, string setting, HttpRequest request, IGrainFactory grains, TaskRunner tasks)
    {
        var field = Field(setting);
        IndexUid.FromRoute(uid);
        var value = await JsonBody.ReadAsync(request);
        var reader = new JsonObjectReader(value, "settings");
        var change = SettingsRequests.Apply(new IndexSettingsChange(), reader, field, value, Isolation.Attribute);
        var details = new Dictionary<string, JsonElement> { [field] = value };
        return await Enqueue(uid, change, JsonSerializer.SerializeToElement(details), grains, tasks);
    }

    public static Task<IResult> ResetSetting(string uid, string setting, IGrainFactory grains, TaskRunner tasks)
    {
        var field = Field(setting);
        IndexUid.FromRoute(uid);
        var nullValue = JsonSerializer.SerializeToElement<object?>(null);
        var change = SettingsRequests.Apply(new IndexSettingsChange(), new JsonObjectReader(nullValue, "settings"),
            field, nullValue, Isolation.Attribute);
        return Enqueue(uid, change, null, grains, tasks);
    }

    private static async Task<IResult> Enqueue(
        string uid, IndexSettingsChange change, JsonElement? details, IGrainFactory grains, TaskRunner tasks)
    {
        var task = await tasks.RunAsync(null, uid, "settingsUpdate", async () =>
        {
            var index = grains.GetGrain<IIndexGrain>(uid);
            if (await index.Get() is null) await index.Create(null);
            await index.UpdateSettings(change);
            return details ?? JsonSerializer.SerializeToElement(new { });
        });
        return TaskResults.Accepted(task);
    }

    private static string Field(string setting) =>
        SettingsRequests.Routes.TryGetValue(setting, out var field)
            ? field
            : throw new ApiError(ErrorCodes.NotFound, "Not found.");
}
