"use client";
import { useState } from "react";
import { useTranslations } from "next-intl";
import { qrContrast } from "@/lib/qr/options";
import { buttonClass } from "@/components/ui/button";
import { Field, Input, Select } from "@/components/ui/field";

/** QR code options with a live preview and PNG / SVG downloads from the public routes. */
export function QrDesigner({ slug }: { slug: string }) {
  const t = useTranslations("builder.share");
  const [size, setSize] = useState(512);
  const [ecl, setEcl] = useState("M");
  const [dark, setDark] = useState("#000000");
  const [light, setLight] = useState("#ffffff");
  const query = new URLSearchParams({ size: String(size), ecl, dark, light }).toString();
  const lowContrast = qrContrast(dark, light) < 4;
  return (
    <div className="grid gap-6 md:grid-cols-[1fr_auto]">
      <div className="grid content-start gap-4 sm:grid-cols-2">
        <Field id="qr-size" label={t("size")}>
          <Select id="qr-size" value={size} onChange={(e) => setSize(Number(e.target.value))}>
            {[256, 512, 1024, 2048].map((s) => (
              <option key={s} value={s}>
                {s} × {s}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="qr-ecl" label={t("ecl")}>
          <Select id="qr-ecl" value={ecl} onChange={(e) => setEcl(e.target.value)}>
            {["L", "M", "Q", "H"].map((l) => (
              <option key={l} value={l}>
                {t(`ecl${l}`)}
              </option>
            ))}
          </Select>
        </Field>
        <Field id="qr-dark" label={t("dark")}>
          <Input id="qr-dark" type="color" className="h-11 p-1" value={dark} onChange={(e) => setDark(e.target.value)} />
        </Field>
        <Field id="qr-light" label={t("light")}>
          <Input id="qr-light" type="color" className="h-11 p-1" value={light} onChange={(e) => setLight(e.target.value)} />
        </Field>
        {lowContrast && (
          <p role="status" className="text-sm text-amber-900 sm:col-span-2">
            {t("lowContrast")}
          </p>
        )}
        <div className="flex flex-wrap gap-2 sm:col-span-2">
          <a className={buttonClass("primary")} href={`/f/${slug}/qr.png?${query}&download=1`} download={`qr-${slug}.png`} data-testid="qr-png">
            {t("downloadPng")}
          </a>
          <a className={buttonClass("secondary")} href={`/f/${slug}/qr.svg?${query}&download=1`} download={`qr-${slug}.svg`} data-testid="qr-svg">
            {t("downloadSvg")}
          </a>
        </div>
      </div>
      {/* eslint-disable-next-line @next/next/no-img-element -- generated on the fly by our own route */}
      <img src={`/f/${slug}/qr.svg?${query}`} alt={t("qrAlt")} width={224} height={224} className="rounded border border-line bg-white" />
    </div>
  );
}
