import { describe, expect, it } from "vitest";
import { consentsNow, currentConsents, type LedgerEvent } from "./current";

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 12, minute));
const rec = (purposeId: string, action: string, minute: number, id = `${purposeId}-${action}-${minute}`): LedgerEvent => ({ id, purposeId, action, createdAt: at(minute) });

describe("current consent from the ledger", () => {
  it("is absent for a purpose never consented", () => {
    expect(currentConsents([]).size).toBe(0);
    expect(consentsNow([], "p")).toBe(false);
    expect(consentsNow([], "p", { confirmedOnly: false })).toBe(false);
  });

  it("a grant alone is agreed but not confirmed, and does not count", () => {
    const c = currentConsents([rec("p", "GRANT", 1)]).get("p")!;
    expect(c).toMatchObject({ consenting: true, confirmed: false, since: at(1) });
    expect(consentsNow([rec("p", "GRANT", 1)], "p")).toBe(false);
    expect(consentsNow([rec("p", "GRANT", 1)], "p", { confirmedOnly: false })).toBe(true);
  });

  it("a confirmation after the grant makes it confirmed, dated from the grant, and it counts", () => {
    const records = [rec("p", "CONFIRM", 5), rec("p", "GRANT", 1)];
    expect(currentConsents(records).get("p")!).toMatchObject({ consenting: true, confirmed: true, since: at(1) });
    expect(consentsNow(records, "p")).toBe(true);
  });

  it("the latest record wins whatever the input order", () => {
    const records = [rec("p", "GRANT", 1), rec("p", "WITHDRAW", 3), rec("p", "CONFIRM", 2)];
    expect(currentConsents(records).get("p")!.consenting).toBe(false);
    expect(currentConsents([...records].reverse()).get("p")!.consenting).toBe(false);
    expect(currentConsents([...records, rec("p", "GRANT", 4)]).get("p")).toMatchObject({ consenting: true, confirmed: false, since: at(4) });
  });

  it("a withdrawal beats a grant or a confirmation of the same instant", () => {
    expect(currentConsents([rec("p", "GRANT", 1), rec("p", "WITHDRAW", 1)]).get("p")!.consenting).toBe(false);
    expect(currentConsents([rec("p", "WITHDRAW", 1), rec("p", "CONFIRM", 1)]).get("p")!.consenting).toBe(false);
    expect(consentsNow([rec("p", "GRANT", 0), rec("p", "WITHDRAW", 1), rec("p", "CONFIRM", 1)], "p")).toBe(false);
  });

  it("a confirmation before a withdrawal does not confirm a later re-grant", () => {
    const records = [rec("p", "GRANT", 1), rec("p", "CONFIRM", 2), rec("p", "WITHDRAW", 3), rec("p", "GRANT", 4)];
    expect(currentConsents(records).get("p")!).toMatchObject({ consenting: true, confirmed: false });
    expect(consentsNow(records, "p")).toBe(false);
  });

  it("keeps purposes apart: a confirmation of one purpose does not confirm another", () => {
    const map = currentConsents([rec("a", "GRANT", 1), rec("b", "GRANT", 1), rec("b", "WITHDRAW", 2)]);
    expect(map.get("a")!.consenting).toBe(true);
    expect(map.get("b")!.consenting).toBe(false);
    expect(consentsNow([rec("a", "GRANT", 1), rec("a", "CONFIRM", 2), rec("b", "GRANT", 3)], "b")).toBe(false);
    expect(consentsNow([rec("a", "GRANT", 1), rec("a", "CONFIRM", 2), rec("b", "GRANT", 3)], "a")).toBe(true);
  });
});
