"use client";
import { useCallback, useEffect, useRef, useState } from "react";
import type { UseFormReturn } from "react-hook-form";
import type { CampaignDefinitionInput } from "@/lib/campaigns/definition";
import { fingerprint, readDraft, removeDraft, writeDraft } from "@/lib/campaigns/local-draft";

/**
 * Autosaves the builder's unsaved values in this browser and brings them back when the page opens again.
 * Returns when the shown draft was restored (for the notice), `saved` to call after a successful save, and `discard`.
 */
export function useLocalDraft(campaignId: string, methods: UseFormReturn<CampaignDefinitionInput>, initial: CampaignDefinitionInput) {
  const base = useRef(fingerprint(initial));
  const [restoredAt, setRestoredAt] = useState<number>();
  const { reset, watch } = methods;

  useEffect(() => {
    const draft = readDraft(window.localStorage, campaignId, initial);
    // keepDefaultValues: the restored values stay "unsaved" against what the server holds.
    if (draft) {
      reset(draft.values, { keepDefaultValues: true });
      // The browser's storage is only readable after hydration: this effect is the one place to read it.
      // eslint-disable-next-line react-hooks/set-state-in-effect
      setRestoredAt(draft.at);
    }
    // Only once, when the page opens: later `initial` props come from our own saves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const subscription = watch((values) => {
      clearTimeout(timer);
      timer = setTimeout(() => writeDraft(window.localStorage, campaignId, base.current, values as CampaignDefinitionInput), 250);
    });
    return () => {
      clearTimeout(timer);
      subscription.unsubscribe();
    };
  }, [campaignId, watch]);

  const saved = useCallback(
    (values: CampaignDefinitionInput) => {
      base.current = fingerprint(values);
      removeDraft(window.localStorage, campaignId);
      setRestoredAt(undefined);
    },
    [campaignId],
  );

  const discard = useCallback(() => {
    removeDraft(window.localStorage, campaignId);
    reset(); // back to the saved version (the default values)
    setRestoredAt(undefined);
  }, [campaignId, reset]);

  return { restoredAt, saved, discard };
}
