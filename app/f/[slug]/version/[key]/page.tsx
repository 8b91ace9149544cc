import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PublicFormPage, publicFormMetadata } from "../../public-form";
import { stateOfFormPageKey } from "@/lib/submission/published-head";

type Props = { params: Promise<{ slug: string; key: string }> };

// One rendering per campaign version and state, made on its first request and kept: a save, a
// closing or an opening instant gives a new key (lib/submission/published-head.ts), so none
// goes stale. Only proxy.ts reaches this route (a rewrite of /f/<slug>); it answers 404 to
// anyone asking for it directly. Static: the root layout's locale cookie is read as absent,
// as it is for respondents.
export const dynamic = "force-static";
export const revalidate = false;
export function generateStaticParams(): Array<{ slug: string; key: string }> {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return publicFormMetadata((await params).slug);
}

export default async function CachedPublicFormRoute({ params }: Props) {
  const { slug, key } = await params;
  const state = stateOfFormPageKey(key);
  if (!state) notFound();
  return <PublicFormPage slug={slug} state={state} />;
}
