import { createContext, useContext, useEffect } from "react";
import { BrowserRouter, Route, Routes } from "react-router-dom";
import { ViewerQuery, type Viewer } from "./api/operations";
import { Layout } from "./components/Layout";
import { useI18n } from "./i18n/i18n";
import { languages, type Language } from "./i18n/messages";
import { DialoguePage } from "./pages/DialoguePage";
import { DirectoryPage } from "./pages/DirectoryPage";
import { HomePage } from "./pages/HomePage";
import { MeetingPage } from "./pages/MeetingPage";
import { MeetingWizard } from "./pages/MeetingWizard";
import { NotesPage } from "./pages/NotesPage";
import { SignInPage } from "./pages/SignInPage";
import { NewWorkingGroupPage, WorkingGroupPage } from "./pages/WorkingGroupPages";
import { ExchangePage, ExchangesPage, RegistryPage } from "./pages/ExchangePages";
import { CitiesPage, CityPage, PartnershipPage } from "./pages/CityPages";
import { useQuery } from "./useQuery";

const ViewerContext = createContext<Viewer | null>(null);

/** The signed-in person, for pages that offer only what the viewer may do. */
export const useViewer = () => useContext(ViewerContext);

export function App() {
  const { t, setLanguage } = useI18n();
  const { data, error } = useQuery(ViewerQuery, {});
  const viewer = data?.viewer ?? null;

  // A person's preferred language applies once they sign in, unless they chose one on this device.
  useEffect(() => {
    const preferred = viewer?.person.preferredLanguage;
    if (preferred && !localStorage.getItem("collaboration.language") && (languages as readonly string[]).includes(preferred))
      setLanguage(preferred as Language);
  }, [viewer, setLanguage]);

  return (
    <ViewerContext.Provider value={viewer}>
    <BrowserRouter>
      <Layout viewer={viewer}>
        {error ? (
          <p role="alert">{t("error", { message: String((error as Error).message) })}</p>
        ) : !data ? (
          <p>{t("loading")}</p>
        ) : !viewer ? (
          <SignInPage setupRequired={data.setupRequired} />
        ) : (
          <Routes>
            <Route path="/" element={<HomePage />} />
            <Route path="/dialogues/:key" element={<DialoguePage />} />
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
            <Route path="*" element={<p>{t("notFound")}</p>} />
          </Routes>
        )}
      </Layout>
    </BrowserRouter>
    </ViewerContext.Provider>
  );
}
