import { describe, expect, it } from "vitest";
import { libraryDownloadPath, nearestLanguage, titleIn } from "../src/api/library";

describe("library", () => {
  const titles = [
    { language: "fr", text: "Note conceptuelle" },
    { language: "en", text: "Concept note" },
  ];

  it("gives the file in the reader's language when there is one", () => {
    expect(nearestLanguage(["en", "fr"], titles, "en")).toBe("en");
    expect(nearestLanguage(["en", "fr"], titles, "fr")).toBe("fr");
  });

  it("else the file in the language of the document's first title, else the first file added", () => {
    expect(nearestLanguage(["en", "fr"], titles, "ar")).toBe("fr");
    expect(nearestLanguage(["en", "ar"], titles, "es")).toBe("en");
    expect(nearestLanguage([], titles, "en")).toBeNull();
  });

  it("shows the title in the reader's language, else the first", () => {
    expect(titleIn(titles, "en").text).toBe("Concept note");
    expect(titleIn(titles, "ar")).toEqual({ language: "fr", text: "Note conceptuelle" });
  });

  it("downloads from the library's address with the language and, for an earlier version, its number", () => {
    expect(libraryDownloadPath("mtm", "abc", "fr")).toBe("/dialogues/mtm/library/abc?language=fr");
    expect(libraryDownloadPath("mtm", "abc", "ar", 1)).toBe("/dialogues/mtm/library/abc?language=ar&version=1");
  });
});
