// pngjs ships no types; the e2e tests only decode PNGs synchronously.
declare module "pngjs" {
  export const PNG: { sync: { read(buffer: Buffer): { width: number; height: number; data: Buffer } } };
}
