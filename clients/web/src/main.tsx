import { QueryClientProvider } from "@tanstack/react-query";
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { createQueryClient } from "./api/hooks";
import { App } from "./App";
import { Theme } from "./components/Theme";
import { Toasts } from "./components/Toasts";
import { I18nProvider } from "./i18n/i18n";
import "./styles.css";

const queryClient = createQueryClient();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Theme>
          <Toasts>
            <App />
          </Toasts>
        </Theme>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
