import { describe, expect, it } from "vitest";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Invalid } from "@/lib/errors";

process.env.AIMANT_DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "aimant-uploads-"));
const { readUpload, sniff, storeUpload, uploadFile } = await import("./uploads");

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(20)]);
const PDF = Buffer.from("%PDF-1.4\n%fake\n");

describe("uploads", () => {
  it("recognises files by their first bytes, not their names", () => {
    expect(sniff(PNG, ["png", "jpg"])).toBe("png");
    expect(sniff(PDF, ["png", "jpg"])).toBeNull();
    expect(sniff(Buffer.from("<svg onload=alert(1)>"), ["png", "jpg", "webp"])).toBeNull();
  });
  it("stores under the data folder and reads back with the right type", async () => {
    const stored = await storeUpload("abc123", "rules", PDF);
    expect(stored).toMatch(/^abc123\/rules-[0-9a-f]{16}\.pdf$/);
    const read = await readUpload(stored);
    expect(read?.contentType).toBe("application/pdf");
    expect(fs.existsSync(path.join(process.env.AIMANT_DATA_DIR!, "uploads", stored))).toBe(true);
  });
  it("refuses wrong types, oversized files and paths leaving the folder", async () => {
    const wrongType = storeUpload("abc123", "logo", PDF);
    await expect(wrongType).rejects.toBeInstanceOf(Invalid);
    await expect(wrongType).rejects.toThrow("builder.errors.logoType");
    const tooLarge = storeUpload("abc123", "logo", Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]));
    await expect(tooLarge).rejects.toBeInstanceOf(Invalid);
    await expect(tooLarge).rejects.toThrow("builder.errors.fileTooLarge");
    expect(await readUpload("../../etc/passwd")).toBeNull();
    expect(uploadFile("../../etc/passwd")).toBeNull();
    expect(uploadFile("../secret.key")).toBeNull();
  });
  it("resolves a stored path to the very file written, for every reader (reward downloads too)", async () => {
    const stored = await storeUpload("abc123", "reward", PDF);
    const file = uploadFile(stored);
    expect(file).toBe(path.join(process.env.AIMANT_DATA_DIR!, "uploads", stored));
    expect(fs.readFileSync(file!).equals(PDF)).toBe(true);
    expect(uploadFile(null)).toBeNull();
  });
});
