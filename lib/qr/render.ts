import "server-only";
import QRCode from "qrcode";
import type { QrOptions } from "./options";

const common = (o: QrOptions) => ({ errorCorrectionLevel: o.ecl, margin: 4, color: { dark: o.dark, light: o.light } });

export function qrPng(url: string, o: QrOptions): Promise<Buffer> {
  return QRCode.toBuffer(url, { ...common(o), type: "png", width: o.size });
}

export function qrSvg(url: string, o: QrOptions): Promise<string> {
  return QRCode.toString(url, { ...common(o), type: "svg", width: o.size });
}
