import { describe, expect, it } from "vitest";
import type { CampaignDefinitionInput } from "./definition";
import { fingerprint, readDraft, removeDraft, writeDraft } from "./local-draft";

const memory = () => {
  const items = new Map<string, string>();
  return { getItem: (k: string) => items.get(k) ?? null, setItem: (k: string, v: string) => void items.set(k, v), removeItem: (k: string) => void items.delete(k), items };
};
const saved = { title: "Jeu", description: "" } as CampaignDefinitionInput;
const edited = { ...saved, description: "Tentez votre chance !" } as CampaignDefinitionInput;

describe("the builder's local draft", () => {
  it("brings back unsaved changes made over the saved version", () => {
    const storage = memory();
    writeDraft(storage, "c1", fingerprint(saved), edited, 1000);
    expect(readDraft(storage, "c1", saved)).toEqual({ base: fingerprint(saved), values: edited, at: 1000 });
    expect(readDraft(storage, "c2", saved)).toBeUndefined();
  });

  it("keeps nothing when the values are back to the saved ones", () => {
    const storage = memory();
    writeDraft(storage, "c1", fingerprint(saved), edited);
    writeDraft(storage, "c1", fingerprint(saved), saved);
    expect(storage.items.size).toBe(0);
  });

  it("drops a draft of an older version rather than overwrite newer work", () => {
    const storage = memory();
    writeDraft(storage, "c1", fingerprint(saved), edited);
    const savedSince = { ...saved, title: "Jeu de Noël" } as CampaignDefinitionInput;
    expect(readDraft(storage, "c1", savedSince)).toBeUndefined();
    expect(storage.items.size).toBe(0);
  });

  it("survives unreadable or unavailable storage", () => {
    const storage = memory();
    storage.setItem("aimant.builder-draft.c1", "{not json");
    expect(readDraft(storage, "c1", saved)).toBeUndefined();
    const broken = { getItem: () => { throw new Error("denied"); }, setItem: () => { throw new Error("quota"); }, removeItem: () => { throw new Error("denied"); } };
    expect(readDraft(broken, "c1", saved)).toBeUndefined();
    expect(() => writeDraft(broken, "c1", "x", edited)).not.toThrow();
    expect(() => removeDraft(broken, "c1")).not.toThrow();
  });
});
