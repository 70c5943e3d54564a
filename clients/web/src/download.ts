import { PersonalDataQuery } from "./api/account";
import { request } from "./api/graphql";

/** Saves text the app holds (an export) as a file the browser downloads. */
export function downloadText(fileName: string, text: string, type = "application/json"): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(url);
}

/** Everything the installation holds about a person as a JSON file: one's own (no id), or anyone's for an administrator. */
export async function downloadPersonalData(personId?: string): Promise<void> {
  const { personalData } = await request(PersonalDataQuery, personId ? { personId } : {});
  downloadText(personId ? `personal-data-${personId}.json` : "personal-data.json", personalData);
}
