using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Time.Testing;
using Platform.Search.Keys;
using Platform.Search.Tokens;

namespace Platform.Search.Tests.Tokens;

/// <summary>Keys, the worked example of docs/architecture.md#grains, and helpers that build tokens byte by byte.</summary>
internal static class TokenFixtures
{
    public const string MasterKey = "MASTER_KEY";
    public const string NilUid = "00000000-0000-0000-0000-000000000000";
    public const string NilKey = "aeb94973e0b6e912d94165430bbe87dee91a7c4f891ce19050c3910ec96977e9";
    public const long Now = 1_700_000_000;

    public const string WorkedExample =
        "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzZWFyY2hSdWxlcyI6eyJzYWxlcyI6eyJmaWx0ZXIiOiJjb2xvciA9IGJsdWUifX0sImFwaUtleVVpZCI6IjAwMDAwMDAwLTAwMDAtMDAwMC0wMDAwLTAwMDAwMDAwMDAwMCIsImV4cCI6NDEwMjQ0NDgwMH0.ZpJSdutasWQi_sjatzJkGh_f1b0bjZQuVzxm9wcLnRQ";

    public const string Hs256Header = """{"alg":"HS256","typ":"JWT"}""";

    public static FakeTimeProvider Clock() => new(DateTimeOffset.FromUnixTimeSeconds(Now));

    public static TenantTokenVerification Verify(string token, TimeProvider? time = null) =>
        new TenantTokenVerifier(time ?? Clock()).Verify(token, uid => ApiKeyDerivation.DeriveKey(MasterKey, uid));

    /// <summary>Claims with the given rules and extra members (JSON text appended after apiKeyUid).</summary>
    public static string Payload(string rules = """["*"]""", string extra = "") =>
        "{\"searchRules\":" + rules + ",\"apiKeyUid\":\"" + NilUid + "\"" + extra + "}";

    public static string Sign(string headerJson, string payloadJson, string key = NilKey, TenantTokenAlgorithm algorithm = TenantTokenAlgorithm.HS256) =>
        TenantTokenMinter.Sign(Encoding.UTF8.GetBytes(headerJson), Encoding.UTF8.GetBytes(payloadJson), key, algorithm);

    /// <summary>Signs already-encoded segments (which may be in any alphabet) with a correct HMAC.</summary>
    public static string SignSegments(string header, string payload, string key = NilKey, TenantTokenAlgorithm algorithm = TenantTokenAlgorithm.HS256)
    {
        var message = Encoding.ASCII.GetBytes(header + "." + payload);
        var keyBytes = Encoding.UTF8.GetBytes(key);
        var mac = algorithm switch
        {
            TenantTokenAlgorithm.HS256 => HMACSHA256.HashData(keyBytes, message),
            TenantTokenAlgorithm.HS384 => HMACSHA384.HashData(keyBytes, message),
            _ => HMACSHA512.HashData(keyBytes, message),
        };
        return header + "." + payload + "." + Base64Url.Encode(mac);
    }

    public static string Url(string json) => Base64Url.Encode(Encoding.UTF8.GetBytes(json));

    public static string DecodeMessage(TenantTokenVerification result) =>
        Assert.IsType<TenantTokenVerification.DecodeError>(result).Message;

    public static TenantTokenClaims Verified(TenantTokenVerification result) =>
        Assert.IsType<TenantTokenVerification.Verified>(result).Claims;
}
