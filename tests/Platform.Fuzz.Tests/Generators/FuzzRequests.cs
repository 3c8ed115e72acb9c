using CsCheck;
using Platform.Fuzz.Tests.Infrastructure;

namespace Platform.Fuzz.Tests.Generators;

/// <summary>Whole requests: a route, credentials, a few extra headers and, on most methods, a body.</summary>
internal static class FuzzRequests
{
    private static readonly Gen<KeyValuePair<string, string>[]> ExtraHeaders = Gen.OneOf(
        new KeyValuePair<string, string>("Content-Encoding", "gzip"),
        new KeyValuePair<string, string>("Content-Encoding", "br"),
        new KeyValuePair<string, string>("Accept-Encoding", "gzip, br"),
        new KeyValuePair<string, string>("Accept", "text/html"),
        new KeyValuePair<string, string>("Origin", "https://evil.example"),
        new KeyValuePair<string, string>("Access-Control-Request-Method", "POST"),
        new KeyValuePair<string, string>("X-Forwarded-For", "10.0.0.1, ::1"),
        new KeyValuePair<string, string>("X-Meilisearch-Client", "fuzz"),
        new KeyValuePair<string, string>("Expect", "100-continue")).Array[0, 2];

    public static Gen<FuzzRequest> For(FuzzCredentials credentials) => Gen.Select(
        RouteGen.For(credentials),
        CredentialGen.For(credentials),
        ExtraHeaders,
        BodyGen.ContentType,
        Gen.Frequency((1, Gen.Const((byte[]?)null)), (6, BodyGen.Bytes.Select(b => (byte[]?)b))),
        (route, authorization, headers, contentType, body) => new FuzzRequest(
            route.Method, route.Target, authorization, headers, contentType,
            route.Method is "GET" or "HEAD" or "OPTIONS" && body is not null && body.Length % 4 != 0 ? null : body));
}
