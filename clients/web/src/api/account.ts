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

/** The meetings the viewer takes part in, across their dialogues, soonest first. */
export const MyMeetingsQuery = graphql(`
  query MyMeetings($upcoming: Boolean) {
    myMeetings(filter: { upcoming: $upcoming }, first: 50) {
      nodes { id dialogueKey titles { language text } type status city hostCountry timeZone startsAt endsAt }
      totalCount
    }
  }
`);

/** What waits for the viewer across their dialogues, soonest first (titles in the viewer's language). */
export const MyAgendaQuery = graphql(`
  query MyAgenda($language: String) {
    viewer { agenda(language: $language) { kind action objectId parentId dialogueKey title dueAt dueDate overdue } }
  }
`);

/** Changes what is sent of one's own name, job title, organisation, preferred language and time zone. */
export const UpdateMyProfile = graphql(`
  mutation UpdateMyProfile($expectedVersion: Int!, $profile: ProfileChangesInput!) {
    updateMyProfile(expectedVersion: $expectedVersion, profile: $profile) { person { id version } }
  }
`);

export const AccessTokensQuery = graphql(`
  query AccessTokens { viewer { accessTokens { id name createdAt expiresAt } } }
`);
export const CreateAccessToken = graphql(`
  mutation CreateAccessToken($name: String!, $expiresInDays: Int) {
    createAccessToken(name: $name, expiresInDays: $expiresInDays) { token accessToken { id name expiresAt } }
  }
`);
export const RevokeAccessToken = graphql(`
  mutation RevokeAccessToken($id: ID!) { revokeAccessToken(id: $id) }
`);
export const CreateCalendarFeed = graphql(`
  mutation CreateCalendarFeed { createCalendarFeed }
`);
export const RevokeCalendarFeed = graphql(`
  mutation RevokeCalendarFeed { revokeCalendarFeed }
`);
