// The iframe snippet that embeds a campaign's form in another site, and the message the
// embedded form posts so the frame takes the height of its content instead of a fixed one.

/** The `type` of the message the embedded form posts to its parent with its height in pixels. */
export const EMBED_HEIGHT_MESSAGE = "aimant:height";

/** The height the frame starts with, until the form has told its own (or if scripts are off on the host page). */
export const EMBED_FALLBACK_HEIGHT = 700;

export type EmbedHeightMessage = { type: typeof EMBED_HEIGHT_MESSAGE; height: number };

/** The message for a content height: whole pixels, within sane bounds. */
export function embedHeightMessage(height: number): EmbedHeightMessage {
  return { type: EMBED_HEIGHT_MESSAGE, height: Math.min(20_000, Math.max(100, Math.ceil(height))) };
}

const attr = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The HTML to paste in a page: the iframe, and a few lines that listen for the form's height
 * message, accept it only from the form's own origin and frame, and size the frame to it.
 */
export function embedSnippet(input: { appUrl: string; slug: string; title: string }): string {
  const origin = new URL(input.appUrl).origin;
  const id = `aimant-${input.slug}`;
  const src = `${origin}/f/${input.slug}?utm_source=site&utm_medium=embed&utm_campaign=${input.slug}`;
  // No "<" in it (origin and slug cannot hold one), so it never closes the script element early.
  const script =
    `(function(){var f=document.getElementById(${JSON.stringify(id)});` +
    `window.addEventListener("message",function(e){` +
    `if(e.origin!==${JSON.stringify(origin)}||!f||e.source!==f.contentWindow||!e.data||e.data.type!==${JSON.stringify(EMBED_HEIGHT_MESSAGE)})return;` +
    `var h=Number(e.data.height);if(h>0&&20001>h)f.style.height=Math.ceil(h)+"px";});})();`;
  return (
    `<iframe src="${attr(src)}" id="${attr(id)}" title="${attr(input.title)}" width="100%" height="${EMBED_FALLBACK_HEIGHT}" style="border:0;width:100%;max-width:640px" loading="lazy"></iframe>\n` +
    `<script>${script}</script>`
  );
}
