import { graphql } from "../gql";

/** A person as a meeting, group or exchange names them. */
export const PersonFields = graphql(`
  fragment PersonFields on MeetingPerson { personId name affiliation regionalGroup }
`);
