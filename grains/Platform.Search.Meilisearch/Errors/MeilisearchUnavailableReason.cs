namespace Platform.Search.Meilisearch;

/// <summary>Why a call could not get an answer from Meilisearch.</summary>
internal enum MeilisearchUnavailableReason
{
    /// <summary>Connecting or talking to the server failed (refused, reset, DNS…).</summary>
    Transport,

    /// <summary>An attempt took longer than its timeout.</summary>
    Timeout,

    /// <summary>The circuit breaker is open after repeated failures; the call was not sent.</summary>
    CircuitOpen,

    /// <summary>The server (or a proxy in front of it) answered 502, 503, 504 or another 5xx without an error body.</summary>
    ServerUnavailable,
}
