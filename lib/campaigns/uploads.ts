import "server-only";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { dataDir, env } from "@/lib/env";
import { isPostgresUrl } from "@/lib/env-schema";
import { Invalid } from "@/lib/errors";

// Uploaded files (logo, rules PDF, lead-magnet reward) live under
// AIMANT_DATA_DIR/uploads, never in public/: they are served by route
// handlers that decide who may read them. The database stores the path
// relative to the uploads folder. On PostgreSQL (several instances, no shared
// disk) the bytes are stored in the database ("Upload", keyed by that path),
// so every instance can serve them.

const inDatabase = () => isPostgresUrl(env().DATABASE_URL);

type UploadKind = "logo" | "rules" | "reward";

const TYPES = {
  png: { mime: "image/png", test: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  jpg: { mime: "image/jpeg", test: (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  webp: { mime: "image/webp", test: (b: Buffer) => b.subarray(0, 4).toString("latin1") === "RIFF" && b.subarray(8, 12).toString("latin1") === "WEBP" },
  pdf: { mime: "application/pdf", test: (b: Buffer) => b.subarray(0, 5).toString("latin1") === "%PDF-" },
  zip: { mime: "application/zip", test: (b: Buffer) => b.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])) },
} as const;
type Ext = keyof typeof TYPES;

const RULES: Record<UploadKind, { exts: Ext[]; maxBytes: number; error: string }> = {
  logo: { exts: ["png", "jpg", "webp"], maxBytes: 1024 * 1024, error: "builder.errors.logoType" },
  rules: { exts: ["pdf"], maxBytes: 5 * 1024 * 1024, error: "builder.errors.rulesType" },
  reward: { exts: ["pdf", "png", "jpg", "zip"], maxBytes: 5 * 1024 * 1024, error: "builder.errors.rewardType" },
};

function uploadsDir(): string {
  return path.join(dataDir(), "uploads");
}

/** The type of a file from its first bytes (never from its name or the browser's claim). */
export function sniff(bytes: Buffer, allowed: Ext[]): Ext | null {
  return allowed.find((ext) => TYPES[ext].test(bytes)) ?? null;
}

/** Checks and stores an upload; returns its path relative to the uploads folder. */
export async function storeUpload(campaignId: string, kind: UploadKind, bytes: Buffer): Promise<string> {
  const rule = RULES[kind];
  if (bytes.length === 0) throw new Invalid(rule.error);
  if (bytes.length > rule.maxBytes) throw new Invalid("builder.errors.fileTooLarge");
  const ext = sniff(bytes, rule.exts);
  if (!ext) throw new Invalid(rule.error);
  if (!/^[a-z0-9]+$/i.test(campaignId)) throw new Invalid();
  const relative = path.posix.join(campaignId, `${kind}-${crypto.randomBytes(8).toString("hex")}.${ext}`);
  if (inDatabase()) {
    const { db } = await import("@/lib/db");
    await db.upload.create({ data: { path: relative, bytes: new Uint8Array(bytes) } });
    return relative;
  }
  // Written where the one resolver says, so the writer and every reader agree on the file.
  const full = uploadFile(relative);
  if (!full) throw new Invalid();
  await fs.mkdir(path.dirname(full), { recursive: true });
  await fs.writeFile(full, bytes, { flag: "wx" });
  return relative;
}

/**
 * The one resolver of a stored upload path (relative to the uploads folder) to a file on
 * disk: every reader goes through it, so writer and readers cannot disagree on the folder.
 * Null when there is no path or when it leaves the uploads folder.
 */
export function uploadFile(relative: string | null | undefined): string | null {
  if (!relative) return null;
  const root = uploadsDir();
  const full = path.resolve(root, relative);
  return full.startsWith(root + path.sep) ? full : null;
}

/** Reads a stored upload with its content type; null when missing or when the path leaves the folder. */
export async function readUpload(relative: string | null | undefined): Promise<{ bytes: Buffer; contentType: string; ext: string } | null> {
  const full = uploadFile(relative);
  if (!full) return null;
  if (inDatabase()) {
    const { db } = await import("@/lib/db");
    const row = await db.upload.findUnique({ where: { path: relative! }, select: { bytes: true } });
    const ext = path.extname(full).slice(1) as Ext;
    return row ? { bytes: Buffer.from(row.bytes), contentType: TYPES[ext]?.mime ?? "application/octet-stream", ext } : null;
  }
  try {
    // Uploads are runtime data outside the build: keep Turbopack from tracing the whole project into the output.
    const bytes = await fs.readFile(/*turbopackIgnore: true*/ full);
    const ext = path.extname(full).slice(1) as Ext;
    return { bytes, contentType: TYPES[ext]?.mime ?? "application/octet-stream", ext };
  } catch {
    return null;
  }
}
