"use client";
import { useEffect } from "react";

/**
 * While the builder holds unsaved changes, leaving asks first: the browser's own prompt when the page unloads
 * (reload, closing the tab, another site), and a confirm() before an in-app link (the campaign's tabs, the menu),
 * which a client-side navigation would otherwise follow without a word.
 */
export function useUnsavedGuard(dirty: boolean, message: string) {
  useEffect(() => {
    if (!dirty) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = ""; // older browsers need it set to show their prompt
    };
    // Capture phase on the document: runs before Next's <Link> handler, which React attaches lower, at the root.
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest("a[href]") : null;
      if (!(link instanceof HTMLAnchorElement) || (link.target && link.target !== "_self") || link.hasAttribute("download")) return;
      const url = new URL(link.href, window.location.href);
      if (url.origin !== window.location.origin) return; // a full unload: beforeunload asks
      if (url.pathname === window.location.pathname && url.search === window.location.search) return; // an anchor on this page
      if (window.confirm(message)) return;
      event.preventDefault();
      event.stopPropagation();
    };
    window.addEventListener("beforeunload", onBeforeUnload);
    document.addEventListener("click", onClick, true);
    return () => {
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("click", onClick, true);
    };
  }, [dirty, message]);
}
