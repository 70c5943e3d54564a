namespace Collaboration.Cities;

/// <summary>Who speaks for a city, and which milestones still wait: read by the city, its partnerships and the agenda alike.</summary>
public static class CityRules
{
    /// <summary>A city's officials are the members whose membership names the city (by id, or by the name an older membership typed), as city officials.</summary>
    public static bool IsOfficial(Membership membership, string cityId, string cityName) =>
        membership.Roles.Contains(DialogueRole.CityOfficial) && membership.Represents(cityId, cityName);

    /// <summary>A milestone still to be reached: planned or in progress.</summary>
    public static bool IsPending(Milestone milestone) => milestone.Status is MilestoneStatus.Planned or MilestoneStatus.InProgress;
}
