import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The app is built into the server's static files, so the server's one run command serves it at "/".
// In development (npm run dev) the API and the hub are proxied to a server on port 5080.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "../../src/Collaboration.Server/wwwroot",
    emptyOutDir: true,
  },
  server: {
    proxy: {
      "/graphql": "http://localhost:5080",
      "/hubs": { target: "http://localhost:5080", ws: true },
      "/meetings": "http://localhost:5080",
      "/sign-in": "http://localhost:5080",
      "/setup": "http://localhost:5080",
    },
  },
  test: {
    environment: "jsdom",
    include: ["test/**/*.test.ts", "test/**/*.test.tsx"],
    // One jsdom per worker, not one per file: 9 s instead of 30 s for the suite. The tests render nothing and mock
    // no module; the one that uses localStorage keeps its own keys.
    isolate: false,
  },
});
