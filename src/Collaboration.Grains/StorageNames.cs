namespace Collaboration;

/// <summary>The names grains and hosts agree on for Orleans providers.</summary>
public static class StorageNames
{
    /// <summary>The grain storage every persistent grain writes to.</summary>
    public const string Grains = "collaboration";
}
