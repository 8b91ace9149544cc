import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { TYPE, parse, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { frenchIn } from "./french";

// The message catalogues are the one home of every text a person reads: French and English must offer the
// same keys, each with the same ICU arguments (a value passed to one language's message must exist in the other),
// and the English catalogue must be English.

const root = path.join(process.cwd(), "lib", "i18n", "messages");
type Tree = { [key: string]: string | Tree };

function catalogue(locale: string): Record<string, string> {
  const flat: Record<string, string> = {};
  const walk = (node: Tree, prefix: string) => {
    for (const [key, value] of Object.entries(node)) {
      if (typeof value === "string") flat[prefix + key] = value;
      else walk(value, `${prefix}${key}.`);
    }
  };
  for (const file of fs.readdirSync(path.join(root, locale)).filter((f) => f.endsWith(".json")).sort()) {
    walk(JSON.parse(fs.readFileSync(path.join(root, locale, file), "utf8")) as Tree, `${path.basename(file, ".json")}.`);
  }
  return flat;
}

/** The arguments a message takes, with their kind ("name:plural", "link:tag"): what a caller must pass. */
export function argumentsOf(message: string): string[] {
  const found = new Set<string>();
  const kind: Partial<Record<TYPE, string>> = {
    [TYPE.argument]: "argument",
    [TYPE.number]: "number",
    [TYPE.date]: "date",
    [TYPE.time]: "time",
    [TYPE.select]: "select",
    [TYPE.plural]: "plural",
    [TYPE.tag]: "tag",
  };
  const walk = (nodes: MessageFormatElement[]) => {
    for (const node of nodes) {
      const k = kind[node.type];
      if (k && "value" in node) found.add(`${node.value}:${k}`);
      if ("options" in node) for (const option of Object.values(node.options)) walk(option.value);
      if ("children" in node) walk(node.children);
    }
  };
  walk(parse(message, { ignoreTag: false }));
  return [...found].sort();
}

describe("the message catalogues", () => {
  const fr = catalogue("fr");
  const en = catalogue("en");

  it("have one file per namespace in both languages", () => {
    expect(fs.readdirSync(path.join(root, "en")).sort()).toEqual(fs.readdirSync(path.join(root, "fr")).sort());
  });

  it("offer exactly the same keys in French and English", () => {
    const onlyFr = Object.keys(fr).filter((k) => !(k in en));
    const onlyEn = Object.keys(en).filter((k) => !(k in fr));
    expect({ onlyFr, onlyEn }).toEqual({ onlyFr: [], onlyEn: [] });
  });

  it("take the same ICU arguments in both languages, key by key", () => {
    const differing = Object.keys(fr)
      .filter((k) => k in en)
      .map((k) => ({ key: k, fr: argumentsOf(fr[k]!), en: argumentsOf(en[k]!) }))
      .filter((d) => d.fr.join() !== d.en.join());
    expect(differing).toEqual([]);
  });

  it("hold no French in the English catalogue", () => {
    const french = Object.entries(en)
      .map(([key, message]) => ({ key, message, french: frenchIn(message) }))
      .filter((m) => m.french !== null);
    expect(french).toEqual([]);
  });

  it("are told apart by the French detector (it sees French, not English)", () => {
    expect(frenchIn("Campagne introuvable.")).not.toBeNull();
    expect(frenchIn("Vous avez gagné : {campaign}")).not.toBeNull();
    expect(frenchIn("Une purge est en cours")).not.toBeNull();
    expect(frenchIn("You have won: {campaign}")).toBeNull();
    expect(frenchIn("Complaints can go to the CNIL (www.cnil.fr) or Bloctel.")).toBeNull();
    expect(argumentsOf("{count, plural, one {# entry} other {# entries}} for <b>{name}</b>")).toEqual(["b:tag", "count:plural", "name:argument"]);
  });
});
