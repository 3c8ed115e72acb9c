using System.Security.Cryptography;
using System.Text;

namespace Platform.Search.Keys;

/// <summary>
/// Everything secret about API keys, bound to the master key: derived key values and the fingerprints under which
/// keys are looked up. Keys are never stored; a fingerprint (SHA-256 of the value) is what storage sees.
/// </summary>
public sealed class ApiKeySecrets
{
    private readonly string _masterKey;
    private readonly byte[] _masterKeyBytes;

    public ApiKeySecrets(string masterKey)
    {
        ArgumentException.ThrowIfNullOrEmpty(masterKey);
        _masterKey = masterKey;
        _masterKeyBytes = Encoding.UTF8.GetBytes(masterKey);
        MasterKeyId = Convert.ToHexStringLower(HMACSHA256.HashData(_masterKeyBytes, "platform:master-key-id"u8)[..16]);
    }

    /// <summary>
    /// Names the master key without revealing it (128 bits of an HMAC under the master key). Caches of anything
    /// verified with derived key values include it, so nothing verified under one master key is trusted under another.
    /// </summary>
    public string MasterKeyId { get; }

    /// <summary>The key value of <paramref name="uid"/> (64 lowercase hex characters).</summary>
    public string KeyOf(Guid uid) => ApiKeyDerivation.DeriveKey(_masterKey, uid);

    /// <summary>The lookup fingerprint of <paramref name="uid"/>'s key value.</summary>
    public string FingerprintOf(Guid uid) => Fingerprint(KeyOf(uid));

    /// <summary>True when <paramref name="bearer"/> is the master key (constant time).</summary>
    public bool IsMasterKey(string bearer) =>
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(bearer), _masterKeyBytes);

    /// <summary>The lookup fingerprint of a presented secret: lowercase hex SHA-256 of its UTF-8 bytes.</summary>
    public static string Fingerprint(string keyValue)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(keyValue), hash);
        return Convert.ToHexStringLower(hash);
    }
}
