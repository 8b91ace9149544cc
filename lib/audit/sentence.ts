/**
 * An audit line as a sentence in the reader's language ("Camille a exporté
 * 124 contacts : perdants qualifiés"), built from the stored codes through the
 * catalogue: audit.sentences.<action with "_" for ".">, values from the line's
 * details. Pure: the caller passes its translator and the names it resolved.
 */

export type AuditLine = { action: string; actorLabel: string; userId: string | null; targetType: string; targetId: string; details: string };

type Translate = { (key: string, values?: Record<string, string | number>): string; has(key: string): boolean };

export type AuditNames = {
  /** A member's name by user id */
  people: ReadonlyMap<string, string>;
  /** A campaign's title by id */
  campaigns: ReadonlyMap<string, string>;
};

const ACTOR_CODES = new Set(["SYSTEM", "RESPONDENT", "PARENT"]);

/** The message key of an action code ("export.csv" → "sentences.export_csv"). */
export function sentenceKey(action: string): string {
  return `sentences.${action.replace(/\./g, "_")}`;
}

function details(line: AuditLine): Record<string, unknown> {
  try {
    const parsed = JSON.parse(line.details) as unknown;
    return parsed && typeof parsed === "object" ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Who did it, in words: the member's name, an actor code's name, or the stored address. */
export function actorName(line: Pick<AuditLine, "actorLabel" | "userId">, t: Translate, names: AuditNames): string {
  if (ACTOR_CODES.has(line.actorLabel)) return t(`actors.${line.actorLabel}`);
  return (line.userId && names.people.get(line.userId)) || line.actorLabel || t("actors.SYSTEM");
}

/** The sentence of one line; an action without a sentence reads "<who> : <code>". */
export function auditSentence(line: AuditLine, t: Translate, names: AuditNames): string {
  const d = details(line);
  const count = typeof d.rowCount === "number" ? d.rowCount : typeof d.count === "number" ? d.count : 0;
  const preset = typeof d.preset === "string" && t.has(`presets.${d.preset}`) ? t(`presets.${d.preset}`) : "";
  const campaign = line.targetType === "campaign" ? (names.campaigns.get(line.targetId) ?? "") : "";
  const values = {
    actor: actorName(line, t, names),
    count,
    preset,
    campaign: campaign || t("unknownCampaign"),
    format: typeof d.format === "string" ? d.format.toUpperCase() : "CSV",
    action: line.action,
  };
  const key = sentenceKey(line.action);
  return t.has(key) ? t(key, values) : t("sentences.other", values);
}
