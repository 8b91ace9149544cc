"use client";
import { useEffect, type RefObject } from "react";

/**
 * Keeps the focused field clear of the sticky save bar: tabbing into a field just above the bottom edge scrolls
 * it only as far as the edge, i.e. under the bar; this scrolls on until the field sits above the bar.
 */
export function useClearOfBar(form: RefObject<HTMLElement | null>, bar: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const root = form.current;
    if (!root) return;
    const clear = (field: HTMLElement) => {
      const sticky = bar.current;
      if (!sticky || sticky.contains(field) || !field.isConnected) return;
      const top = sticky.getBoundingClientRect().top;
      const bottom = field.getBoundingClientRect().bottom + 12;
      if (bottom > top) window.scrollBy({ top: bottom - top, behavior: "instant" });
    };
    const onFocusIn = (event: FocusEvent) => {
      if (!(event.target instanceof HTMLElement)) return;
      const field = event.target;
      clear(field);
      // Again after the browser's own scrolling into view, which follows the focus event.
      requestAnimationFrame(() => clear(field));
    };
    root.addEventListener("focusin", onFocusIn);
    return () => root.removeEventListener("focusin", onFocusIn);
  }, [form, bar]);
}
