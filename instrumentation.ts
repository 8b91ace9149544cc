// Next.js calls register() once when a server instance starts.
export async function register() {
  // The workers need Node (SQLite, SMTP); the edge runtime has neither. Written as Next's guide has it (a
  // dynamic import inside the check), so that the edge build leaves the Node-only module out.
  // eslint-disable-next-line no-restricted-properties -- Next sets NEXT_RUNTIME; lib/env.ts (Node only) cannot load before this check.
  if (process.env.NEXT_RUNTIME === "nodejs") await (await import("@/lib/server-start")).startServerInstance();
}
