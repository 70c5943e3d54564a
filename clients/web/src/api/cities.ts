import { graphql } from "../gql";
import type { CityPartnershipQuery, CityQuery as CityData } from "../gql/graphql";

export const CityFields = graphql(`
  fragment CityFields on City {
    id name countryCode population languages officials { ...PersonFields }
    profile { ...ProfileFields } profileVersions version viewerMayEdit
  }
`);
export const ProfileFields = graphql(`
  fragment ProfileFields on CityMigrationProfile { number overview flows integrationServices actors dataAvailability visibility savedAt }
`);
export const CityProfileVersionQuery = graphql(`
  query CityProfileVersion($id: ID!, $number: Int!) { cityProfileVersion(id: $id, number: $number) { ...ProfileFields } }
`);
export const PartnershipFields = graphql(`
  fragment PartnershipFields on CityPartnership {
    id cities { id name countryCode } theme roadmapStart roadmapEnd milestones { id title dueDate status } meetingIds version viewerMayEdit
  }
`);
export const CitiesQuery = graphql(`
  query Cities($key: String!) { cities(key: $key) { ...CityFields } cityPartnerships(key: $key) { ...PartnershipFields } }
`);
export const CityQuery = graphql(`
  query City($id: ID!) { city(id: $id) { ...CityFields } }
`);
export type City = CityData["city"];
export type CityProfile = NonNullable<City["profile"]>;
export const CreateCity = graphql(`
  mutation CreateCity($key: String!, $cityKey: String!, $name: String!, $countryCode: String!, $population: Int) {
    createCity(key: $key, cityKey: $cityKey, name: $name, countryCode: $countryCode, population: $population) { ...CityFields }
  }
`);
export const SaveCityProfile = graphql(`
  mutation SaveCityProfile($id: ID!, $profile: CityMigrationProfileInput!, $visibility: MeetingVisibility, $expectedVersion: Int!) {
    saveCityProfile(id: $id, profile: $profile, visibility: $visibility, expectedVersion: $expectedVersion) { ...CityFields }
  }
`);
export const PartnershipQuery = graphql(`
  query CityPartnership($id: ID!) {
    cityPartnership(id: $id) { ...PartnershipFields meetings { id titles { language text } startsAt } viewerMay { linkMeeting } }
  }
`);
/** Meetings a partnership could link: the next ones, or those whose title holds what the person typed. */
export const LinkableMeetingsQuery = graphql(`
  query LinkableMeetings($key: String!, $titleContains: String, $upcoming: Boolean) {
    meetings(key: $key, filter: { titleContains: $titleContains, upcoming: $upcoming }, first: 50) {
      nodes { id titles { language text } startsAt }
    }
  }
`);
export type Partnership = CityPartnershipQuery["cityPartnership"];
export const CreatePartnership = graphql(`
  mutation CreateCityPartnership($key: String!, $cityIds: [ID!]!, $theme: String!, $roadmapStart: String!, $roadmapEnd: String!, $idempotencyKey: String) {
    createCityPartnership(key: $key, cityIds: $cityIds, theme: $theme, roadmapStart: $roadmapStart, roadmapEnd: $roadmapEnd, idempotencyKey: $idempotencyKey) {
      ...PartnershipFields
    }
  }
`);
export const AddMilestone = graphql(`
  mutation AddMilestone($id: ID!, $title: String!, $dueDate: String!, $expectedVersion: Int!) {
    addMilestone(id: $id, title: $title, dueDate: $dueDate, expectedVersion: $expectedVersion) { ...PartnershipFields }
  }
`);
export const SetMilestoneStatus = graphql(`
  mutation SetMilestoneStatus($id: ID!, $milestoneId: ID!, $status: MilestoneStatus!, $expectedVersion: Int!) {
    setMilestoneStatus(id: $id, milestoneId: $milestoneId, status: $status, expectedVersion: $expectedVersion) { ...PartnershipFields }
  }
`);
export const LinkPartnershipMeeting = graphql(`
  mutation LinkPartnershipMeeting($id: ID!, $meetingId: ID!, $expectedVersion: Int!) {
    linkPartnershipMeeting(id: $id, meetingId: $meetingId, expectedVersion: $expectedVersion) { ...PartnershipFields }
  }
`);
