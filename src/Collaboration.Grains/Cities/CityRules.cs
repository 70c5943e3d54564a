namespace Collaboration.Cities;

/// <summary>Who speaks for a city, and which milestones still wait: read by the city, its partnerships and the agenda alike.</summary>
public static class CityRules
{
    /// <summary>A city's officials are the members whose membership names the city, as city officials.</summary>
    public static bool IsOfficial(Membership membership, string cityName) =>
        membership.Roles.Contains(DialogueRole.CityOfficial) && string.Equals(membership.City, cityName, StringComparison.OrdinalIgnoreCase);

    /// <summary>A milestone still to be reached: planned or in progress.</summary>
    public static bool IsPending(Milestone milestone) => milestone.Status is MilestoneStatus.Planned or MilestoneStatus.InProgress;
}
