import fs from "node:fs";
import path from "node:path";
import { createTranslator } from "next-intl";
import { describe, expect, it } from "vitest";
import { LOCALES, NOTICE_KINDS, noticeCases } from "./golden/cases";
import { noticeBlocks, noticeShortLayer, type Translate } from "./notice-blocks";

// The builder's live preview words the draft's notice in the browser with next-intl's translator over the
// catalogue's "notice" messages; the public page uses the server's. Both must give the same words.
describe("the notice in the live preview (browser translator)", () => {
  const golden = JSON.parse(fs.readFileSync(path.join(__dirname, "golden", "notice.json"), "utf8")) as Record<string, unknown>;
  for (const locale of LOCALES) {
    it(`reads word for word as the public page's, in ${locale}, for every case and kind`, () => {
      const messages = JSON.parse(fs.readFileSync(path.join(process.cwd(), "lib", "i18n", "messages", locale, "notice.json"), "utf8")) as Record<string, unknown>;
      const translate = createTranslator({ locale, messages: { notice: messages }, namespace: "notice" });
      const t: Translate = (key, values) => translate(key as never, values as never);
      expect(t("title")).toBe(golden[`title.${locale}`]);
      for (const kind of NOTICE_KINDS)
        for (const c of noticeCases) {
          const notice = { ...c.campaign, kind, locale };
          expect({ blocks: noticeBlocks(t, c.org, notice), firstLayer: noticeShortLayer(t, c.org, notice) }, `${c.name}.${kind}.${locale}`).toEqual(golden[`${c.name}.${kind}.${locale}`]);
        }
    });
  }
});
