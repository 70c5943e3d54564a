import { graphql } from "../gql";

/** Who is signed in (null for no one), and whether the server still waits for its first administrator. */
export const ViewerQuery = graphql(`
  query Viewer {
    viewer { person { id name email preferredLanguage timeZone jobTitle organisation version } isAdministrator }
    setupRequired
  }
`);

export const RequestSignInLink = graphql(`
  mutation RequestSignInLink($email: String!) { requestSignInLink(email: $email) }
`);

export const SignOut = graphql(`
  mutation SignOut { signOut }
`);

/** Everything held about a person, as a JSON document: one's own (no id), or anyone's for an administrator. */
export const PersonalDataQuery = graphql(`
  query PersonalData($personId: ID) { personalData(personId: $personId) }
`);

export const ErasePerson = graphql(`
  mutation ErasePerson($personId: ID!, $email: String!) { erasePerson(personId: $personId, email: $email) }
`);

export const DialoguesQuery = graphql(`
  query Dialogues { dialogues { key name viewerRoles } }
`);
