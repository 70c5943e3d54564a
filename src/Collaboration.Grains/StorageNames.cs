namespace Collaboration;

/// <summary>The names grains and hosts agree on for Orleans providers.</summary>
public static class StorageNames
{
    /// <summary>
    /// The grain storage every persistent grain writes to. Orleans' ADO.NET provider keys a row by state name
    /// and grain key, not by grain class, so each grain class gives its state a name of its own.
    /// </summary>
    public const string Grains = "collaboration";
}
