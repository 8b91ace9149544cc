import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { pageHref, type SearchParams } from "@/lib/http/page-query";

type PagerProps = {
  /** The listing's path, e.g. "/parametres/audit" */
  path: string;
  /** The page's current search params: every filter is kept in the links */
  searchParams: SearchParams;
  /** Current page, from 0 */
  page: number;
  hasMore: boolean;
  /** Words for the two links when "previous/next" says less than the listing's order (e.g. newer/older) */
  labels?: { previous: string; next: string };
};

/** Links to the previous and next pages of a listing, keeping its filters (a server component: plain links). */
export async function Pager({ path, searchParams, page, hasMore, labels }: PagerProps) {
  if (page <= 0 && !hasMore) return null;
  const t = await getTranslations("common.pager");
  const words = labels ?? { previous: t("previous"), next: t("next") };
  return (
    <nav aria-label={t("label")} className="mt-4 flex gap-4 text-sm">
      {page > 0 && (
        <Link href={pageHref(path, searchParams, page - 1)} rel="prev" className="underline">
          ← {words.previous}
        </Link>
      )}
      {hasMore && (
        <Link href={pageHref(path, searchParams, page + 1)} rel="next" className="underline">
          {words.next} →
        </Link>
      )}
    </nav>
  );
}
