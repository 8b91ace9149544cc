// "server-only" throws outside a React server build; unit tests import server modules directly.
import { vi } from "vitest";
vi.mock("server-only", () => ({}));
// Passwords hashed at bcrypt's lowest cost: the tests check what is hashed, not how slowly.
process.env.AIMANT_PASSWORD_COST ??= "4";
