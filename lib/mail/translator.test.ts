import { describe, expect, it, vi } from "vitest";
import { IntlMessageFormat } from "intl-messageformat";
import { createTranslator } from "use-intl/core";
import { loadMessages } from "@/lib/i18n/messages";
import { mailTranslator } from "./translator";

type Node = { type: number; value?: string; options?: Record<string, { value: Node[] }> };

/** Every argument a message names, with a value of the kind it takes (a select gets one of its cases). */
function sampleValues(message: string): Record<string, string | number> {
  const values: Record<string, string | number> = {};
  const walk = (nodes: Node[]) => {
    for (const node of nodes) {
      // 1 argument, 2 number, 5 select, 6 plural (intl-messageformat's AST types)
      if (node.type === 1 && node.value) values[node.value] ??= `«${node.value}» <&>`;
      if (node.type === 2 && node.value) values[node.value] = 3;
      if (node.type === 6 && node.value) values[node.value] = 1;
      if (node.type === 5 && node.value) values[node.value] = Object.keys(node.options ?? {})[0] ?? "";
      for (const option of Object.values(node.options ?? {})) walk(option.value);
    }
  };
  walk(new IntlMessageFormat(message, "fr").getAst() as Node[]);
  return values;
}

function keysOf(node: Record<string, unknown>, prefix = ""): string[] {
  return Object.entries(node).flatMap(([k, v]) => (typeof v === "string" ? [`${prefix}${k}`] : keysOf(v as Record<string, unknown>, `${prefix}${k}.`)));
}

describe("the mail translator", () => {
  it.each(["fr", "en"] as const)("says every mail message exactly as next-intl does (%s)", (locale) => {
    const mail = loadMessages(locale).mail as Record<string, unknown>;
    const reference = createTranslator({ locale, messages: { mail }, namespace: "mail" }) as unknown as (key: string, values?: object) => string;
    const t = mailTranslator(locale);
    const keys = keysOf(mail);
    expect(keys.length).toBeGreaterThan(20);
    for (const key of keys) {
      const message = key.split(".").reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], mail) as string;
      const values = sampleValues(message);
      expect(t(key, values), key).toBe(reference(key, values));
      // Twice: the second call uses the compiled message.
      expect(t(key, values), key).toBe(reference(key, values));
    }
  });

  it("shows the key of a missing message and says so, as next-intl does, instead of failing the mail", () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(mailTranslator("fr")("confirmation.noSuchKey")).toBe("mail.confirmation.noSuchKey");
    expect(error).toHaveBeenCalledWith(expect.stringContaining("confirmation.noSuchKey"));
    error.mockRestore();
  });
});
