// One "instance" of the app's digest worker, in its own process, for the
// several-instances test: runs the digests at the instant it is given, prints its report.
import { runDigests } from "@/lib/digest/send";

console.log("ready");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));
const report = await runDigests(new Date(process.env.DIGEST_NOW!));
console.log(JSON.stringify(report));
process.exit(0);
