"use client";
import { useEffect } from "react";
import { embedHeightMessage } from "@/lib/campaigns/embed";

/**
 * Inside another site's iframe (the embed snippet), tells the parent page the form's height
 * whenever it changes, so the frame fits its content. Outside a frame it does nothing.
 * The height is not a secret: any origin may read it; the snippet checks who sends it.
 */
export function EmbedHeight() {
  useEffect(() => {
    if (window.parent === window) return;
    // The bottom of the page's <main>, not the document's height: the page is at least as tall
    // as the frame (min-h-screen), so that would never let the frame shrink.
    const content = document.querySelector("main") ?? document.body;
    let last = 0;
    const post = () => {
      const message = embedHeightMessage(content.getBoundingClientRect().bottom + window.scrollY);
      if (message.height === last) return;
      last = message.height;
      window.parent.postMessage(message, "*");
    };
    const observer = new ResizeObserver(post);
    observer.observe(content);
    post();
    return () => observer.disconnect();
  }, []);
  return null;
}
