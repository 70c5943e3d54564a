import type { CodegenConfig } from "@graphql-codegen/cli";

/**
 * The app's GraphQL types, generated from the server's schema (schema.graphql, printed by the server's
 * SchemaFileTests) and the operations written with `graphql(...)` in src. `npm run codegen` writes them to
 * src/gql, which is not committed: the build and the tests generate it, so it cannot drift.
 */
const config: CodegenConfig = {
  schema: "schema.graphql",
  documents: ["src/**/*.{ts,tsx}", "!src/gql/**"],
  ignoreNoDocuments: false,
  generates: {
    "src/gql/": {
      preset: "client",
      presetConfig: { fragmentMasking: false },
      config: {
        documentMode: "string",
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: true,
        avoidOptionals: { field: true, inputValue: false, object: true, defaultValue: false },
        strictScalars: true,
        scalars: { DateTimeOffset: "string", Long: "number" },
      },
    },
    // Every enum of the schema, not only those the operations use: the app has a wording for each.
    "src/gql/enums.ts": {
      plugins: ["typescript"],
      config: { onlyEnums: true, enumsAsTypes: true },
    },
  },
};

export default config;
