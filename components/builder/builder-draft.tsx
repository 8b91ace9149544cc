"use client";
import { createContext, useContext, useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { CampaignDefinitionInput } from "@/lib/campaigns/definition";

// The builder's live values, shared with what sits outside its form on the
// campaign page (the publish checklist and the "Publier" button): they judge
// what is being typed, not the last save.

type BuilderDraft = {
  values?: CampaignDefinitionInput;
  dirty: boolean;
  /** Saves the form as its own button does; resolves to whether it was saved. */
  save: () => Promise<boolean>;
};

// Two contexts: the builder only reads the (stable) setter, so sharing its values does not re-render the form.
const DraftContext = createContext<BuilderDraft | null>(null);
const SetDraftContext = createContext<((draft: BuilderDraft) => void) | null>(null);

export function BuilderDraftProvider({ children }: { children: React.ReactNode }) {
  const [draft, set] = useState<BuilderDraft | null>(null);
  return (
    <SetDraftContext.Provider value={set}>
      <DraftContext.Provider value={draft}>{children}</DraftContext.Provider>
    </SetDraftContext.Provider>
  );
}

/** The live draft (none yet, or outside a provider: the panel then shows the server's checks). */
export function useBuilderDraft(): BuilderDraft | undefined {
  return useContext(DraftContext) ?? undefined;
}

/** Called by the builder: publishes its values on every change, without re-rendering the form itself. */
export function useShareDraft(methods: UseFormReturn<CampaignDefinitionInput>, dirty: boolean, save: () => Promise<boolean>) {
  const set = useContext(SetDraftContext);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  });
  const { watch, getValues } = methods;
  useEffect(() => {
    if (!set) return;
    const share = (values: CampaignDefinitionInput) => set({ values: structuredClone(values), dirty, save: () => saveRef.current() });
    share(getValues());
    const subscription = watch((values) => share(values as CampaignDefinitionInput));
    return () => subscription.unsubscribe();
  }, [set, watch, getValues, dirty]);
}
