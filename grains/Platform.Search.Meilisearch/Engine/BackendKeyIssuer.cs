using System.Text.Json.Nodes;
using Platform.Search.Engine;

namespace Platform.Search.Meilisearch.Engine;

/// <summary>
/// The backend search key and the signer of the tokens made from it. The key is found or created once; when
/// Meilisearch refuses a token (the key was deleted, or the master key changed and every key value with it), the
/// key is found or created again under a new generation, which tells the tenant grains to drop their cached tokens.
/// </summary>
internal sealed class BackendKeyIssuer(AdminCalls calls, MeilisearchOptions options, PhysicalLayout layout, TimeProvider timeProvider)
{
    private readonly SemaphoreSlim _keyGate = new(1, 1);
    private volatile BackendTokenSigner? _signer;
    private long _generation;

    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>The signer, ensuring the backend search key exists (creating it once) on first use.</summary>
    public async Task<BackendTokenSigner> SignerAsync(CancellationToken cancellationToken)
    {
        if (_signer is { } ready)
        {
            return ready;
        }

        await _keyGate.WaitAsync(cancellationToken);
        try
        {
            if (_signer is null)
            {
                var uid = options.SearchKeyUid ?? BackendSearchKey.DefaultUid(layout.Prefix);
                var key = await calls.Call((c, admin) => BackendSearchKey.EnsureAsync(c, admin, uid, layout.IndexPattern, cancellationToken), null);
                _signer = new BackendTokenSigner(key, layout.IndexPattern, options.TokenLifetime, options.TokenRefreshRatio, Generation, timeProvider);
            }

            return _signer;
        }
        finally
        {
            _keyGate.Release();
        }
    }

    /// <summary>
    /// Runs a search-path call with the scope's backend token, retrying once with a fresh key and token when
    /// Meilisearch refuses the credential.
    /// </summary>
    public async Task<JsonObject> WithTokenAsync(
        TenantScope scope, Func<MeilisearchClient, SearchCredential, Task<JsonObject>> call, EngineErrors.Target target, CancellationToken cancellationToken)
    {
        var signer = await SignerAsync(cancellationToken);
        try
        {
            return await call(calls.NewClient(), signer.CredentialFor(scope));
        }
        catch (MeilisearchApiException e) when (EngineErrors.IsCredentialRefused(e))
        {
            await ForgetAsync(signer, cancellationToken);
            var credential = (await SignerAsync(cancellationToken)).CredentialFor(scope with { Credential = null });
            return await calls.Run(client => call(client, credential), target);
        }
        catch (Exception e) when (EngineErrors.Translate(e, target) is { } translated)
        {
            throw translated;
        }
    }

    /// <summary>Forgets the signing key (the engine is disposed).</summary>
    public void Forget() => _signer = null;

    private async Task ForgetAsync(BackendTokenSigner refused, CancellationToken cancellationToken)
    {
        await _keyGate.WaitAsync(cancellationToken);
        try
        {
            // Only the first of several searches refused at once starts a new generation.
            if (ReferenceEquals(_signer, refused))
            {
                _signer = null;
                Interlocked.Increment(ref _generation);
            }
        }
        finally
        {
            _keyGate.Release();
        }
    }
}
