import { describe, expect, it } from "vitest";
import { rightsContactOf } from "./rights-contact";

describe("whom a person writes to about their data", () => {
  it("names a DPO only when one is entered", () => {
    expect(rightsContactOf({ dpoName: "", dpoEmail: "", contactEmail: "contact@x.test" })).toEqual({ kind: "contact", email: "contact@x.test" });
    expect(rightsContactOf({ dpoName: "", dpoEmail: "dpo@x.test", contactEmail: "contact@x.test" })).toEqual({ kind: "dpo", name: "", email: "dpo@x.test" });
    expect(rightsContactOf({ dpoName: "Claire", dpoEmail: "", contactEmail: "contact@x.test" })).toEqual({ kind: "dpo", name: "Claire", email: "contact@x.test" });
    expect(rightsContactOf({ dpoName: " ", dpoEmail: "", contactEmail: "" })).toEqual({ kind: "none" });
  });
});
