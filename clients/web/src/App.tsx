import { Spinner } from "@fluentui/react-components";
import { lazy, Suspense, useEffect, type ComponentType } from "react";
import { BrowserRouter, Route, Routes } from "react-router-dom";
import { ViewerQuery } from "./api";
import { useGraphQuery } from "./api/hooks";
import { useLiveMeetings } from "./live/liveMeetings";
import { FormError } from "./components/Field";
import { Layout } from "./components/Layout";
import { languageChosenHere, useI18n } from "./i18n/i18n";
import { isLanguage } from "./i18n/messages";
import { SignInPage } from "./pages/SignInPage";
import { ViewerContext } from "./viewer";

/** A page loaded when it is first opened: a phone on a slow line does not fetch the whole app up front. */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const HomePage = page(() => import("./pages/HomePage"), "HomePage");
const DialoguePage = page(() => import("./pages/DialoguePage"), "DialoguePage");
const MeetingWizard = page(() => import("./pages/MeetingWizard"), "MeetingWizard");
const DirectoryPage = page(() => import("./pages/DirectoryPage"), "DirectoryPage");
const DialogueSettingsPage = page(() => import("./pages/DialogueSettingsPages"), "DialogueSettingsPage");
const NewDialoguePage = page(() => import("./pages/DialogueSettingsPages"), "NewDialoguePage");
const ProfilePage = page(() => import("./pages/ProfilePage"), "ProfilePage");
const NewWorkingGroupPage = page(() => import("./pages/WorkingGroupPages"), "NewWorkingGroupPage");
const WorkingGroupPage = page(() => import("./pages/WorkingGroupPages"), "WorkingGroupPage");
const RegistryPage = page(() => import("./pages/ExchangePages"), "RegistryPage");
const ExchangesPage = page(() => import("./pages/ExchangePages"), "ExchangesPage");
const ExchangePage = page(() => import("./pages/ExchangePages"), "ExchangePage");
const CitiesPage = page(() => import("./pages/CityPages"), "CitiesPage");
const CityPage = page(() => import("./pages/CityPages"), "CityPage");
const PartnershipPage = page(() => import("./pages/CityPages"), "PartnershipPage");
const MeetingPage = page(() => import("./pages/MeetingPage"), "MeetingPage");
const NotesPage = page(() => import("./pages/NotesPage"), "NotesPage");
const OutboxPage = page(() => import("./pages/OutboxPage"), "OutboxPage");
const TranslationPage = page(() => import("./pages/TranslationPage"), "TranslationPage");
const FollowUpPage = page(() => import("./pages/FollowUpPage"), "FollowUpPage");
const LibraryPage = page(() => import("./pages/LibraryPage"), "LibraryPage");
const ParticipationPage = page(() => import("./pages/ParticipationPage"), "ParticipationPage");

export function App() {
  const { t, setLanguage } = useI18n();
  const { data, error } = useGraphQuery(ViewerQuery, {});
  const viewer = data?.viewer ?? null;
  useLiveMeetings(viewer !== null);

  // A person's preferred language applies once they sign in, unless they chose one on this device.
  useEffect(() => {
    const preferred = viewer?.person.preferredLanguage;
    if (isLanguage(preferred) && !languageChosenHere()) setLanguage(preferred);
  }, [viewer, setLanguage]);

  const loading = <Spinner label={t("loading")} />;
  return (
    <ViewerContext.Provider value={viewer}>
      <BrowserRouter>
        <Layout viewer={viewer}>
          {!data && error ? (
            <FormError error={error} />
          ) : !data ? (
            loading
          ) : !viewer ? (
            <SignInPage setupRequired={data.setupRequired} />
          ) : (
            <Suspense fallback={loading}>
              <Routes>
                <Route path="/" element={<HomePage />} />
                <Route path="/profile" element={<ProfilePage />} />
                <Route path="/dialogues/new" element={<NewDialoguePage />} />
                <Route path="/dialogues/:key" element={<DialoguePage />} />
                <Route path="/dialogues/:key/settings" element={<DialogueSettingsPage />} />
                <Route path="/dialogues/:key/meetings/new" element={<MeetingWizard />} />
                <Route path="/dialogues/:key/directory" element={<DirectoryPage />} />
                <Route path="/dialogues/:key/groups/new" element={<NewWorkingGroupPage />} />
                <Route path="/groups/:dialogue/:key" element={<WorkingGroupPage />} />
                <Route path="/dialogues/:key/registry/:code" element={<RegistryPage />} />
                <Route path="/dialogues/:key/exchanges" element={<ExchangesPage />} />
                <Route path="/exchanges/:dialogue/:id" element={<ExchangePage />} />
                <Route path="/dialogues/:key/cities" element={<CitiesPage />} />
                <Route path="/cities/:dialogue/:key" element={<CityPage />} />
                <Route path="/partnerships/:dialogue/:id" element={<PartnershipPage />} />
                <Route path="/meetings/:dialogue/:id" element={<MeetingPage />} />
                <Route path="/meetings/:dialogue/:id/notes" element={<NotesPage />} />
                <Route path="/meetings/:dialogue/:id/translate" element={<TranslationPage />} />
                <Route path="/dialogues/:key/follow-up" element={<FollowUpPage />} />
                <Route path="/dialogues/:key/library" element={<LibraryPage />} />
                <Route path="/dialogues/:key/participation" element={<ParticipationPage />} />
                <Route path="/outbox" element={<OutboxPage />} />
                <Route path="*" element={<p role="alert">{t("notFound")}</p>} />
              </Routes>
            </Suspense>
          )}
        </Layout>
      </BrowserRouter>
    </ViewerContext.Provider>
  );
}
