import { createContext, useContext } from "react";
import type { ViewerQuery } from "./gql/graphql";

export type Viewer = NonNullable<ViewerQuery["viewer"]>;

export const ViewerContext = createContext<Viewer | null>(null);

/** The signed-in person, for pages that offer only what the viewer may do. */
export const useViewer = () => useContext(ViewerContext);
