"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";

/**
 * A phone-sized frame whose content is rendered by this page's React tree (a portal), in a
 * document of its own: the respondent's layout sees a phone's width, and its fields, ids and
 * headings stay apart from the builder's around it. The frame has no address (nothing is
 * loaded); the page's stylesheets are copied in.
 */
export function PhoneFrame({ title, lang, children }: { title: string; lang: string; children: ReactNode }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [body, setBody] = useState<HTMLElement | null>(null);
  useEffect(() => {
    const doc = frame.current?.contentDocument;
    if (!doc) return;
    for (const node of document.querySelectorAll('link[rel="stylesheet"], style')) doc.head.appendChild(node.cloneNode(true));
    doc.body.className = "bg-gray-50 text-gray-900";
    setBody(doc.body);
  }, []);
  useEffect(() => {
    frame.current?.contentDocument?.documentElement.setAttribute("lang", lang);
  }, [body, lang]);
  return (
    <>
      <iframe ref={frame} title={title} className="block h-[min(667px,75vh)] w-full border-0 bg-gray-50" data-testid="live-preview-screen" />
      {body && createPortal(children, body)}
    </>
  );
}
