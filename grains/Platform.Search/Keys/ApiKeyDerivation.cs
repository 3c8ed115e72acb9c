using System.Buffers;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;

namespace Platform.Search.Keys;

/// <summary>
/// Meilisearch-compatible API key values (docs/architecture.md#grains): the value of a key is never stored, it is derived from the
/// master key and the key's uid, so a tenant token's signature can be checked before the key is looked up.
/// </summary>
public static class ApiKeyDerivation
{
    /// <summary>
    /// <c>lowercase_hex(HMAC-SHA256(key: masterKey as UTF-8, message: uid as lowercase hyphenated text))</c>:
    /// a 64-character string.
    /// </summary>
    public static string DeriveKey(string masterKey, Guid uid)
    {
        ArgumentNullException.ThrowIfNull(masterKey);

        Span<byte> message = stackalloc byte[36];
        Span<char> uidText = stackalloc char[36];
        uid.TryFormat(uidText, out _, "D");
        for (var i = 0; i < uidText.Length; i++)
        {
            message[i] = (byte)uidText[i]; // "D" format is ASCII and already lowercase
        }

        var maxKeyBytes = Encoding.UTF8.GetMaxByteCount(masterKey.Length);
        byte[]? rented = null;
        var keyBytes = maxKeyBytes <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(maxKeyBytes));
        try
        {
            var keyLength = Encoding.UTF8.GetBytes(masterKey, keyBytes);
            Span<byte> mac = stackalloc byte[HMACSHA256.HashSizeInBytes];
            HMACSHA256.HashData(keyBytes[..keyLength], message, mac);
            return Convert.ToHexStringLower(mac);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(keyBytes);
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>
    /// Compares a presented key value with an expected one in time that depends only on the lengths, never on where
    /// the first difference is. Ordinal: key values are lowercase hex, and <c>ABC…</c> is a different key.
    /// </summary>
    public static bool Matches(string? presented, string? expected)
    {
        if (presented is null || expected is null)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(
            MemoryMarshal.AsBytes(presented.AsSpan()),
            MemoryMarshal.AsBytes(expected.AsSpan()));
    }
}
