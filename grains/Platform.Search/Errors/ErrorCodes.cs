namespace Platform.Search.Errors;

/// <summary>
/// Every error code the platform raises by name, spelled as in Meilisearch's error-code reference. Status and type
/// come from <see cref="ErrorCatalog"/>. Readers that build codes from a field name (<c>invalid_search_&lt;field&gt;</c>)
/// compose them instead, as Meilisearch's deserializer does.
/// </summary>
public static class ErrorCodes
{
    // Authentication and authorization (401, 403).
    public const string InvalidApiKey = "invalid_api_key";
    public const string MissingAuthorizationHeader = "missing_authorization_header";
    public const string MissingMasterKey = "missing_master_key";
    public const string TenantSuspended = "tenant_suspended";
    public const string TokenRevoked = "token_revoked";
    public const string TooManyFailedAuthentications = "too_many_failed_authentications";

    // Missing or conflicting resources (404, 409).
    public const string NotFound = "not_found";
    public const string IndexNotFound = "index_not_found";
    public const string TaskNotFound = "task_not_found";
    public const string DocumentNotFound = "document_not_found";
    public const string ApiKeyNotFound = "api_key_not_found";
    public const string TenantNotFound = "tenant_not_found";
    public const string IndexAlreadyExists = "index_already_exists";
    public const string ApiKeyAlreadyExists = "api_key_already_exists";
    public const string TenantAlreadyExists = "tenant_already_exists";

    // The request as a whole: method, content type, size, body.
    public const string MethodNotAllowed = "method_not_allowed";
    public const string PayloadTooLarge = "payload_too_large";
    public const string MissingContentType = "missing_content_type";
    public const string InvalidContentType = "invalid_content_type";
    public const string BadRequest = "bad_request";
    public const string MalformedPayload = "malformed_payload";
    public const string FeatureNotEnabled = "feature_not_enabled";
    public const string ReservedAttribute = "reserved_attribute";

    // Load and availability (429, 5xx).
    public const string RateLimitExceeded = "rate_limit_exceeded";
    public const string QuotaExceeded = "quota_exceeded";
    public const string TooManySearchRequests = "too_many_search_requests";
    public const string SearchBudgetExceeded = "search_budget_exceeded";
    public const string SearchResponseTooLarge = "search_response_too_large";
    public const string ServiceUnavailable = "service_unavailable";
    public const string Internal = "internal";

    // Indexes and documents.
    public const string InvalidIndexUid = "invalid_index_uid";
    public const string MissingIndexUid = "missing_index_uid";
    public const string IndexPrimaryKeyNoCandidateFound = "index_primary_key_no_candidate_found";
    public const string IndexPrimaryKeyMultipleCandidatesFound = "index_primary_key_multiple_candidates_found";
    public const string IndexPrimaryKeyAlreadyExists = "index_primary_key_already_exists";
    public const string InvalidIndexPrimaryKey = "invalid_index_primary_key";
    public const string InvalidDocumentId = "invalid_document_id";
    public const string MissingDocumentId = "missing_document_id";
    public const string InvalidDocumentValue = "invalid_document_value";
    public const string InvalidDocumentIds = "invalid_document_ids";
    public const string InvalidDocumentFilter = "invalid_document_filter";
    public const string InvalidDocumentOffset = "invalid_document_offset";
    public const string InvalidDocumentLimit = "invalid_document_limit";

    // Tenants, keys, tokens and tasks (platform routes).
    public const string InvalidTenantUid = "invalid_tenant_uid";
    public const string InvalidTenantStatus = "invalid_tenant_status";
    public const string InvalidTenantLimits = "invalid_tenant_limits";
    public const string InvalidSearchRules = "invalid_search_rules";
    public const string InvalidApiKeyActions = "invalid_api_key_actions";
    public const string InvalidTokenRequest = "invalid_token_request";
    public const string InvalidTokenExpiresAt = "invalid_token_expires_at";
    public const string InvalidTokenTtlSeconds = "invalid_token_ttl_seconds";
    public const string InvalidTokenApiKeyUid = "invalid_token_api_key_uid";
    public const string InvalidTaskUids = "invalid_task_uids";
    public const string InvalidTaskLimit = "invalid_task_limit";
    public const string InvalidTaskFrom = "invalid_task_from";

    // Search parameters.
    public const string InvalidSearchFilter = "invalid_search_filter";
    public const string InvalidSearchSort = "invalid_search_sort";
    public const string InvalidSearchFacets = "invalid_search_facets";
    public const string InvalidSearchDistinct = "invalid_search_distinct";
    public const string InvalidSearchMatchingStrategy = "invalid_search_matching_strategy";
    public const string InvalidSearchLimit = "invalid_search_limit";
    public const string InvalidSearchOffset = "invalid_search_offset";
    public const string InvalidSearchPage = "invalid_search_page";
    public const string InvalidSearchHitsPerPage = "invalid_search_hits_per_page";
    public const string InvalidSearchCropLength = "invalid_search_crop_length";
    public const string InvalidSearchRankingScoreThreshold = "invalid_search_ranking_score_threshold";
    public const string InvalidSearchLocales = "invalid_search_locales";
    public const string InvalidSearchHybridQuery = "invalid_search_hybrid_query";
    public const string InvalidSearchVector = "invalid_search_vector";
    public const string InvalidSearchRetrieveVectors = "invalid_search_retrieve_vectors";
    public const string InvalidSearchMedia = "invalid_search_media";
    public const string InvalidSearchPersonalize = "invalid_search_personalize";
    public const string InvalidSearchPersonalizeUserContext = "invalid_search_personalize_user_context";
    public const string InvalidSearchUseNetwork = "invalid_search_use_network";
    public const string InvalidSearchShowRankingScoreDetails = "invalid_search_show_ranking_score_details";
    public const string InvalidSearchShowPerformanceDetails = "invalid_search_show_performance_details";
    public const string InvalidSearchEmbedder = "invalid_search_embedder";
    public const string InvalidSearchSemanticRatio = "invalid_search_semantic_ratio";
    public const string InvalidFacetSearchFacetName = "invalid_facet_search_facet_name";

    // Multi-search and federation.
    public const string InvalidMultiSearchWeight = "invalid_multi_search_weight";
    public const string InvalidMultiSearchRemote = "invalid_multi_search_remote";
    public const string InvalidMultiSearchQueryPosition = "invalid_multi_search_query_position";
    public const string InvalidMultiSearchQueryPagination = "invalid_multi_search_query_pagination";
    public const string InvalidMultiSearchQueryFacets = "invalid_multi_search_query_facets";
    public const string InvalidMultiSearchMergeFacets = "invalid_multi_search_merge_facets";
    public const string InvalidMultiSearchMaxValuesPerFacet = "invalid_multi_search_max_values_per_facet";
    public const string InvalidMultiSearchFederationOptions = "invalid_multi_search_federation_options";
    public const string InvalidMultiSearchFacetsByIndex = "invalid_multi_search_facets_by_index";
}
