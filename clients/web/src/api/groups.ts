import { graphql } from "../gql";
import type { WorkingGroupQuery as WorkingGroupData } from "../gql/graphql";

export const GroupFields = graphql(`
  fragment GroupFields on WorkingGroup {
    id name mandate partnerStateCodes organisationKeys chairs { ...PersonFields }
    series { recurrenceRule timeZone firstStartsLocal durationMinutes city } occurrences { startsLocal meetingId }
    actionItems { id title ownerId ownerName dueDate status overdue } documents { id title url } version viewerMayManage
  }
`);

export const WorkingGroupsQuery = graphql(`
  query WorkingGroups($key: String!) { workingGroups(key: $key) { id name } }
`);
export const WorkingGroupQuery = graphql(`
  query WorkingGroup($id: ID!) { workingGroup(id: $id) { ...GroupFields } }
`);
export type WorkingGroup = WorkingGroupData["workingGroup"];

export const CreateWorkingGroup = graphql(`
  mutation CreateWorkingGroup($key: String!, $groupKey: String!, $group: WorkingGroupInput!) {
    createWorkingGroup(key: $key, groupKey: $groupKey, group: $group) { ...GroupFields }
  }
`);
export const SetWorkingGroupSeries = graphql(`
  mutation SetWorkingGroupSeries($id: ID!, $series: MeetingSeriesInput!, $expectedVersion: Int!) {
    setWorkingGroupSeries(id: $id, series: $series, expectedVersion: $expectedVersion) { ...GroupFields }
  }
`);
export const ScheduleWorkingGroupMeetings = graphql(`
  mutation ScheduleWorkingGroupMeetings($id: ID!, $count: Int) { scheduleWorkingGroupMeetings(id: $id, count: $count) { ...GroupFields } }
`);
export const AddActionItem = graphql(`
  mutation AddActionItem($id: ID!, $item: ActionItemInput!) { addActionItem(id: $id, item: $item) { ...GroupFields } }
`);
export const SetActionItemStatus = graphql(`
  mutation SetActionItemStatus($id: ID!, $itemId: ID!, $status: ActionItemStatus!, $expectedVersion: Int!) {
    setActionItemStatus(id: $id, itemId: $itemId, status: $status, expectedVersion: $expectedVersion) { ...GroupFields }
  }
`);
