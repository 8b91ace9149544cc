import { getTranslations } from "next-intl/server";

/** What anyone needs to replay a draw: algorithm, seed, fingerprint and size of the eligible list. */
export async function DrawProof({ draw }: { draw: { algorithm: string; seed: string; eligibleHash: string; eligibleCount: number } }) {
  const t = await getTranslations("draw");
  return (
    <div className="space-y-2 text-sm">
      <dl className="grid gap-x-4 gap-y-1 sm:grid-cols-[14rem_1fr]">
        <dt className="text-muted">{t("algorithm")}</dt>
        <dd><code>{draw.algorithm}</code></dd>
        <dt className="text-muted">{t("seed")}</dt>
        <dd className="break-all"><code data-testid="draw-seed">{draw.seed}</code></dd>
        <dt className="text-muted">{t("hash")}</dt>
        <dd className="break-all"><code>{draw.eligibleHash}</code></dd>
        <dt className="text-muted">{t("eligibleCount")}</dt>
        <dd>{draw.eligibleCount}</dd>
      </dl>
      <p className="text-muted">{t("proofHelp")}</p>
    </div>
  );
}
