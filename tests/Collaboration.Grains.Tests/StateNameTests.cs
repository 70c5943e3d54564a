using System.Reflection;

namespace Collaboration.Grains.Tests;

public sealed class StateNameTests
{
    /// <summary>
    /// Orleans' ADO.NET storage keys a row by state name and grain key, not by grain class: two classes
    /// sharing a state name would read each other's state for equal keys.
    /// </summary>
    [Fact]
    public void Every_grain_class_names_its_state_differently()
    {
        var names = typeof(StorageNames).Assembly.GetTypes()
            .SelectMany(t => t.GetConstructors())
            .SelectMany(c => c.GetParameters())
            .Select(p => p.GetCustomAttribute<PersistentStateAttribute>())
            .OfType<PersistentStateAttribute>()
            .Select(a => a.StateName)
            .ToList();

        Assert.NotEmpty(names);
        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
    }
}
