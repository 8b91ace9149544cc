import type { CampaignDefinitionInput } from "@/lib/campaigns/definition";

// The builder's unsaved changes, kept in this browser's storage so that leaving
// the page (another tab of the campaign, a reload, a crash) loses nothing. A
// draft is only restored over the very version it was edited from: if the
// campaign was saved since (here or by a colleague), the draft is dropped
// rather than silently overwriting newer work.

export type StoredDraft = { base: string; values: CampaignDefinitionInput; at: number };

const key = (campaignId: string) => `aimant.builder-draft.${campaignId}`;

/** The text a saved version is compared by. */
export const fingerprint = (values: CampaignDefinitionInput): string => JSON.stringify(values);

type Storage = Pick<globalThis.Storage, "getItem" | "setItem" | "removeItem">;

/** The draft to restore over `saved`, if any; a stale or unreadable one is removed. */
export function readDraft(storage: Storage, campaignId: string, saved: CampaignDefinitionInput): StoredDraft | undefined {
  try {
    const raw = storage.getItem(key(campaignId));
    if (!raw) return undefined;
    const draft = JSON.parse(raw) as StoredDraft;
    if (draft && draft.base === fingerprint(saved) && typeof draft.values === "object" && fingerprint(draft.values) !== draft.base) return draft;
    storage.removeItem(key(campaignId));
  } catch {
    // Private mode or a full quota: the page still works, only without drafts.
  }
  return undefined;
}

/** Keeps `values` as the draft of the version `base`; equal to it, there is nothing to keep. */
export function writeDraft(storage: Storage, campaignId: string, base: string, values: CampaignDefinitionInput, now = Date.now()): void {
  try {
    if (fingerprint(values) === base) storage.removeItem(key(campaignId));
    else storage.setItem(key(campaignId), JSON.stringify({ base, values, at: now } satisfies StoredDraft));
  } catch {
    // See readDraft.
  }
}

export function removeDraft(storage: Storage, campaignId: string): void {
  try {
    storage.removeItem(key(campaignId));
  } catch {
    // See readDraft.
  }
}
