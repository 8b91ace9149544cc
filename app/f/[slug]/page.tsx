import type { Metadata } from "next";
import { PublicFormPage, publicFormMetadata } from "./public-form";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return publicFormMetadata((await params).slug);
}

/**
 * The public form, rendered per request: proxy.ts serves a published
 * campaign's page from its cached rendering (./version/[key]); this page
 * answers the rest (unknown slugs and drafts: 404) and stands in if the
 * proxy could not read the campaign.
 */
export default async function PublicFormRoute({ params }: Props) {
  return <PublicFormPage slug={(await params).slug} />;
}
