namespace Platform.Meilisearch.StandIn.Auth;

/// <summary>The master key the stand-in was started with (Meilisearch's <c>MEILI_MASTER_KEY</c>).</summary>
internal sealed record StandInSecrets(string MasterKey)
{
    // Records print their members; a master key in a log line would be a leaked credential.
    public override string ToString() => "StandInSecrets { MasterKey = *** }";
}
