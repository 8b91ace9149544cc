import "server-only";
import { inspectParentalConsent } from "@/lib/minors/parental";
import { inspectConfirmation } from "@/lib/optin/confirm";
import { findInvitation } from "@/lib/orgs/queries";
import { accountTokenState } from "@/lib/auth/account-tokens";
import { preferencesLinkState } from "@/lib/preferences/queries";
import type { LinkState } from "./link-state";
import type { TokenPageKind } from "./token-shape";

/** The state of a well-formed link token, read only (opening a link changes nothing). */
export async function linkStateOf(kind: TokenPageKind, token: string): Promise<LinkState> {
  switch (kind) {
    case "confirmation": {
      const { state } = await inspectConfirmation(token);
      return state === "confirmed" ? "used" : state;
    }
    case "parental": {
      const { state } = await inspectParentalConsent(token);
      return state === "confirmed" ? "used" : state;
    }
    case "preferences":
      // 90 days after the mail: expired (410, the page offers a fresh link); forged or erased: unknown (404).
      return preferencesLinkState(token);
    case "invitation":
      return (await findInvitation(token)) ? "valid" : "unknown";
    case "passwordReset":
      return accountTokenState(token, "PASSWORD_RESET");
    case "emailChange":
      return accountTokenState(token, "EMAIL_CHANGE");
  }
}
