// One "instance" of the app's webhook worker, in its own process, for the
// several-instances test: delivers until nothing is due, prints its report.
import { deliverWebhooks } from "@/lib/webhooks/deliver";

// Ready (modules loaded, database open), then wait for the parent's "go": both instances start together.
console.log("ready");
await new Promise<void>((resolve) => process.stdin.once("data", () => resolve()));

const total = { succeeded: 0, retried: 0, failed: 0 };
for (let idle = 0; idle < 3; ) {
  const r = await deliverWebhooks({ limit: 10, concurrency: 4 });
  total.succeeded += r.succeeded;
  total.retried += r.retried;
  total.failed += r.failed;
  idle = r.succeeded + r.retried + r.failed === 0 ? idle + 1 : 0;
  await new Promise((resolve) => setTimeout(resolve, 20));
}
console.log(JSON.stringify(total));
process.exit(0);
