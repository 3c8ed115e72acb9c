namespace Platform.Grains.Errors;

/// <summary>Error codes raised inside the cluster. The HTTP layer owns the code → status/type table.</summary>
public static class ErrorCodes
{
    public const string TenantNotFound = "tenant_not_found";
    public const string TenantAlreadyExists = "tenant_already_exists";
    public const string ApiKeyNotFound = "api_key_not_found";
    public const string ApiKeyAlreadyExists = "api_key_already_exists";
    public const string IndexNotFound = "index_not_found";
    public const string IndexAlreadyExists = "index_already_exists";
    public const string TaskNotFound = "task_not_found";
}
