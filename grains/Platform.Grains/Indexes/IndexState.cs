namespace Platform.Grains.Indexes;

/// <summary>Stored state of an index definition (storage contract: JSON).</summary>
public sealed class IndexState
{
    public IndexSnapshot? Index { get; set; }
}
