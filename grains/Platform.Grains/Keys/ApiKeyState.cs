namespace Platform.Grains.Keys;

/// <summary>Stored state of an API key (storage contract: JSON). Holds no secret.</summary>
public sealed class ApiKeyState
{
    public ApiKeySnapshot? Key { get; set; }
}
