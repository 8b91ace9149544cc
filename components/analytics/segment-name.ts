import { getTranslations } from "next-intl/server";
import { segmentKey } from "@/lib/rfm/segments";

/** Names stored segment codes in the page's language (an unknown code is shown as is). */
export async function segmentNamer(): Promise<(segment: string) => string> {
  const t = await getTranslations("analytics.segments");
  return (segment) => {
    const key = segmentKey(segment);
    return key ? t(key) : segment;
  };
}
