using System.Security.Cryptography;
using System.Text;

namespace Platform.Search.Keys;

/// <summary>Meilisearch's key derivation (compat §1.5): key = hex(HMAC-SHA256(masterKey, uid)).</summary>
public static class ApiKeyDerivation
{
    public static string DeriveKey(string masterKey, Guid uid)
    {
        Span<byte> mac = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(masterKey), Encoding.UTF8.GetBytes(uid.ToString("D")), mac);
        return Convert.ToHexStringLower(mac);
    }

    public static bool Matches(string presented, string expected) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected));
}
