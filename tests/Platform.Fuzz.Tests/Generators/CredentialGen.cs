using System.Text;
using CsCheck;
using Platform.Fuzz.Tests.Infrastructure;

namespace Platform.Fuzz.Tests.Generators;

/// <summary>
/// <c>Authorization</c> header values: the real master key, tenant keys and token (so handlers are reached), and
/// everything around them: mutated tokens, forged headers (<c>alg: none</c>, other algorithms), random JWTs,
/// random and huge bearers, other schemes.
/// </summary>
internal static class CredentialGen
{
    private const string Ascii = "abcdefXYZ0189-_.=+/ ~!";

    public static Gen<string?> For(FuzzCredentials credentials)
    {
        var token = credentials.TokenA;
        return Gen.Frequency(
            (2, Gen.Const((string?)null)),
            (3, Gen.Const((string?)("Bearer " + credentials.MasterKey))),
            (6, Gen.OneOf<string?>("Bearer " + credentials.KeyA, "Bearer " + credentials.KeyB)),
            (4, Gen.Const((string?)("Bearer " + token))),
            (3, Mutated(token).Select(t => (string?)("Bearer " + t))),
            (2, Forged(token).Select(t => (string?)("Bearer " + t))),
            (2, RandomJwt.Select(t => (string?)("Bearer " + t))),
            (2, Gen.String[Gen.Char[Ascii], 0, 80].Select(t => (string?)("Bearer " + t))),
            (1, Gen.OneOf<string?>("", "Bearer", "Bearer ", "bearer " + credentials.KeyA, "Basic " + credentials.KeyA,
                "Bearer " + credentials.KeyA + " " + credentials.KeyB, "Bearer " + credentials.KeyA.ToUpperInvariant(),
                "Bearer " + new string('a', 10_000), "Bearer " + token + token)));
    }

    private static Gen<string> Mutated(string token) => Gen.Int[0, token.Length - 1].SelectMany(at => Gen.OneOf(
        Gen.Char[Ascii].Select(c => token[..at] + c + token[(at + 1)..]),
        Gen.Const(token[..at]),
        Gen.Const(token.Remove(at, 1))));

    /// <summary>The real payload and signature under another header, or the real header over another payload.</summary>
    private static Gen<string> Forged(string token)
    {
        var parts = token.Split('.');
        var headers = Gen.OneOf("{\"alg\":\"none\",\"typ\":\"JWT\"}", "{\"alg\":\"HS512\",\"typ\":\"JWT\"}",
            "{\"alg\":\"RS256\"}", "{\"alg\":\"HS256\",\"crit\":[\"x\"]}", "{}", "[]", "{\"alg\":\"HS256\",\"alg\":\"none\"}");
        return Gen.OneOf(
            headers.Select(h => $"{Base64Url(h)}.{parts[1]}.{parts[2]}"),
            headers.Select(h => $"{Base64Url(h)}.{parts[1]}."),
            SmallObject.Select(payload => $"{parts[0]}.{Base64Url(payload)}.{parts[2]}"));
    }

    /// <summary>Token parts stay small: a header over Kestrel's 32 KiB limit is refused (431) before the platform sees it.</summary>
    private static readonly Gen<string> SmallObject = JsonGen.FieldObject.Where(json => json.Length < 2_000);

    private static readonly Gen<string> RandomJwt = Gen.Select(JsonGen.Value.Where(json => json.Length < 2_000), SmallObject, Gen.String[Gen.Char[Ascii], 0, 43],
        (header, payload, signature) => $"{Base64Url(header)}.{Base64Url(payload)}.{signature}");

    private static string Base64Url(string json) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
