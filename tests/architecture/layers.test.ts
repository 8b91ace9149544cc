import { ESLint } from "eslint";
import { beforeAll, describe, expect, it } from "vitest";

// The project's own ESLint config on made-up files: a forbidden import is reported, an allowed one is not.
// (The files need not exist: lintText only uses the path to pick the config that applies.)

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === "@typescript-eslint/no-restricted-imports").map((m) => m.message);
}

const serverAction = 'import { runDrawAction } from "@/app/(dashboard)/campagnes/[id]/tirage/actions";\nexport const a = runDrawAction;\n';

describe("the import direction app -> components -> lib -> db", () => {
  it("reports a component importing from app/", async () => {
    expect(await restricted("components/draw/fixture.tsx", serverAction)).toEqual([expect.stringContaining("Only app/ imports from app/")]);
  });

  it("reports lib/ importing from app/, by alias or relative path", async () => {
    expect(await restricted("lib/draw/fixture.ts", serverAction)).toHaveLength(1);
    expect(await restricted("lib/draw/fixture.ts", 'import { x } from "../../app/f/[slug]/page";\nexport const a = x;\n')).toHaveLength(1);
  });

  it("lets app/ and tests import from app/", async () => {
    expect(await restricted("app/(dashboard)/fixture.tsx", serverAction)).toEqual([]);
    expect(await restricted("tests/integration/fixture.test.ts", serverAction)).toEqual([]);
  });

  it("reports a component importing the database, the generated client or the storage layer", async () => {
    for (const source of ["@/lib/db", "@/lib/generated/prisma/client", "@/lib/storage/sql"]) {
      expect(await restricted("components/leads/fixture.tsx", `import { db } from "${source}";\nexport const a = db;\n`)).toEqual([expect.stringContaining("do not touch the database")]);
    }
  });

  it("reports a component calling a query, but not one naming a query's row type", async () => {
    expect(await restricted("components/leads/fixture.tsx", 'import { listLeads } from "@/lib/leads/queries";\nexport const a = listLeads;\n')).toEqual([
      expect.stringContaining("Components do not query"),
    ]);
    expect(await restricted("components/leads/fixture.tsx", 'import type { LeadRow } from "@/lib/leads/queries";\nexport type A = LeadRow;\n')).toEqual([]);
  });

  it("lets a component import a server action from lib/", async () => {
    expect(await restricted("components/draw/fixture.tsx", 'import { runDrawAction } from "@/lib/draw/actions";\nexport const a = runDrawAction;\n')).toEqual([]);
  });
});
