import type { LocalizedText } from "./api";

/** A meeting's text in the viewer's language when it has one, else its first. */
export function titleIn(texts: LocalizedText[], language: string): string {
  return (texts.find((t) => t.language === language) ?? texts[0])?.text ?? "";
}
