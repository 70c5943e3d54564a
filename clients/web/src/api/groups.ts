import { graphql } from "../gql";
import type { WorkingGroupQuery as WorkingGroupData } from "../gql/graphql";

export const GroupFields = graphql(`
  fragment GroupFields on WorkingGroup {
    id dialogueKey name mandate partnerStateCodes organisationKeys personIds chairs { ...PersonFields }
    series { recurrenceRule timeZone firstStartsLocal durationMinutes city hostCountry venue format }
    occurrences { startsLocal meetingId }
    actionItems { id title ownerId ownerName dueDate status overdue fromRecommendation { meetingId outcomeId } } documents { id title url } version viewerMayManage
  }
`);

export const WorkingGroupsQuery = graphql(`
  query WorkingGroups($key: String!) { workingGroups(key: $key) { id name partnerStateCodes chairs { ...PersonFields } } }
`);
export const WorkingGroupQuery = graphql(`
  query WorkingGroup($id: ID!) { workingGroup(id: $id) { ...GroupFields } }
`);
export type WorkingGroup = WorkingGroupData["workingGroup"];
export type ActionItem = WorkingGroup["actionItems"][number];

export const CreateWorkingGroup = graphql(`
  mutation CreateWorkingGroup($key: String!, $groupKey: String!, $group: WorkingGroupInput!) {
    createWorkingGroup(key: $key, groupKey: $groupKey, group: $group) { ...GroupFields }
  }
`);
export const UpdateWorkingGroup = graphql(`
  mutation UpdateWorkingGroup($id: ID!, $group: WorkingGroupChangesInput!, $expectedVersion: Int!) {
    updateWorkingGroup(id: $id, group: $group, expectedVersion: $expectedVersion) { ...GroupFields }
  }
`);
export const SetWorkingGroupSeries = graphql(`
  mutation SetWorkingGroupSeries($id: ID!, $series: MeetingSeriesInput!, $expectedVersion: Int!) {
    setWorkingGroupSeries(id: $id, series: $series, expectedVersion: $expectedVersion) { ...GroupFields }
  }
`);
export const ScheduleWorkingGroupMeetings = graphql(`
  mutation ScheduleWorkingGroupMeetings($id: ID!, $count: Int, $idempotencyKey: String) {
    scheduleWorkingGroupMeetings(id: $id, count: $count, idempotencyKey: $idempotencyKey) { ...GroupFields }
  }
`);
export const AddActionItem = graphql(`
  mutation AddActionItem($id: ID!, $item: ActionItemInput!, $idempotencyKey: String) {
    addActionItem(id: $id, item: $item, idempotencyKey: $idempotencyKey) { ...GroupFields }
  }
`);
export const UpdateActionItem = graphql(`
  mutation UpdateActionItem($id: ID!, $itemId: ID!, $item: ActionItemInput!, $expectedVersion: Int!) {
    updateActionItem(id: $id, itemId: $itemId, item: $item, expectedVersion: $expectedVersion) { ...GroupFields }
  }
`);
export const SetActionItemStatus = graphql(`
  mutation SetActionItemStatus($id: ID!, $itemId: ID!, $status: ActionItemStatus!, $expectedVersion: Int!) {
    setActionItemStatus(id: $id, itemId: $itemId, status: $status, expectedVersion: $expectedVersion) { ...GroupFields }
  }
`);
export const AddWorkingGroupDocument = graphql(`
  mutation AddWorkingGroupDocument($id: ID!, $title: String!, $url: String!, $idempotencyKey: String) {
    addWorkingGroupDocument(id: $id, title: $title, url: $url, idempotencyKey: $idempotencyKey) { ...GroupFields }
  }
`);
