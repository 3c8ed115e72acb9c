using Microsoft.AspNetCore.Http;

namespace Platform.Api.Auth;

/// <summary>
/// Hands the caller <see cref="RouteAuthorizer"/> authenticated to the handler's parameter binding: the caller
/// types' <c>BindAsync</c> read it here.
/// </summary>
internal static class AuthenticatedCaller
{
    private static readonly object ItemKey = new();

    public static void Set(HttpContext context, object? caller) => context.Items[ItemKey] = caller;

    /// <summary>The caller, or an error naming the mismatch: a handler asking for a caller its route does not declare.</summary>
    public static ValueTask<T?> Bind<T>(HttpContext context) where T : class =>
        context.Items.TryGetValue(ItemKey, out var caller) && caller is T typed
            ? ValueTask.FromResult<T?>(typed)
            : throw new InvalidOperationException(
                $"Endpoint '{context.GetEndpoint()?.DisplayName}' takes a {typeof(T).Name} but does not declare the access that provides one.");
}
