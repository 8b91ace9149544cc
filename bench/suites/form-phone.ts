// A throttled phone opening the form page from a QR code: the time until it can type into
// the form's first field, for this build and, when BENCH_BEFORE_DIST names another build
// folder (e.g. main's code built with NEXT_DIST_DIR=.next-before), for that one too, the
// two measured in turns in the same run.
import { chromium, devices, type CDPSession } from "playwright-core";
import { benchEnv, prepare, startServer, type BenchServer } from "../server";

export const title = "Form page on a throttled phone (issue 14)";

const PORT = Number(process.env.BENCH_LOAD_PORT ?? 3950) + 10;
const RUNS = Number(process.env.BENCH_PHONE_RUNS ?? 7);
const SLUG = "demo-poele-granules";
// Lighthouse's mobile profile as DevTools throttling applies it: slow 4G (562.5 ms RTT, 1.47 Mbit/s down, 675 kbit/s up), CPU 4× slower.
const NETWORK = { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
const CPU_RATE = 4;

type Sample = { html: number; field: number; typed: number; token: number | null };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

async function measure(browser: import("playwright-core").Browser, base: string): Promise<Sample> {
  const context = await browser.newContext({ ...devices["Pixel 7"] });
  const page = await context.newPage();
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", NETWORK);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_RATE });
  let token: number | null = null;
  const t0 = Date.now();
  page.on("response", (r) => {
    if (r.url().includes(`/api/f/${SLUG}/start`)) token = Date.now() - t0;
  });
  const response = await page.goto(`${base}/f/${SLUG}?utm_source=qr`, { waitUntil: "commit" });
  await response!.finished();
  const html = Date.now() - t0;
  // The first field a respondent types into (the first text input of the form).
  const field = page.locator("form input[type=text], form input[type=email], form textarea").first();
  await field.waitFor({ state: "visible" });
  const visible = Date.now() - t0;
  // Typing counts once React has hydrated the form: its handlers are on the field (before, a
  // keystroke may be lost or not validated).
  await page.waitForFunction(
    () => {
      const el = document.querySelector("form input[type=text], form input[type=email], form textarea");
      return !!el && Object.keys(el).some((k) => k.startsWith("__reactProps"));
    },
    undefined,
    { polling: 20 },
  );
  const typed = Date.now() - t0;
  await field.pressSequentially("Jeanne");
  if (token === null) await page.waitForResponse((r) => r.url().includes(`/api/f/${SLUG}/start`), { timeout: 5000 }).catch(() => null);
  await context.close();
  return { html, field: visible, typed, token };
}

async function serve(name: string, port: number, distDir: string): Promise<BenchServer> {
  const env = benchEnv(name, port, { NEXT_DIST_DIR: distDir });
  prepare(env);
  return startServer(env);
}

export async function run(): Promise<string> {
  const before = process.env.BENCH_BEFORE_DIST;
  // prepare() builds .next-bench (this code) on first use; the other folder must be built already.
  const servers: Array<{ label: string; server: BenchServer }> = [{ label: "this build", server: await serve("phone", PORT, ".next-bench") }];
  if (before) servers.unshift({ label: `before (${before})`, server: await serve("phone-before", PORT + 1, before) });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
  });
  const samples = new Map<string, Sample[]>(servers.map((s) => [s.label, []]));
  try {
    // One warm-up each (first render of the page on a fresh server), then turns.
    for (const { server } of servers) await measure(browser, server.url);
    for (let i = 0; i < RUNS; i++) for (const { label, server } of servers) samples.get(label)!.push(await measure(browser, server.url));
  } finally {
    await browser.close();
    for (const { server } of servers) await server.stop();
  }
  const rows = [...samples.entries()].map(([label, s]) => {
    const tokens = s.map((x) => x.token).filter((x): x is number => x !== null);
    return { label, html: median(s.map((x) => x.html)), field: median(s.map((x) => x.field)), typed: median(s.map((x) => x.typed)), token: tokens.length ? median(tokens) : null };
  });
  const table = [
    "| build | HTML received ms | first field visible ms | first field takes typing (hydrated) ms | start call answered ms |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...rows.map((r) => `| ${r.label} | ${r.html} | ${r.field} | ${r.typed} | ${r.token ?? "— (token in the HTML)"} |`),
  ].join("\n");
  const lines = [
    `Chromium with the Pixel 7 profile, a fresh context (cold cache) per visit of \`/f/${SLUG}?utm_source=qr\`, CDP throttling: CPU ${CPU_RATE}× slower, network slow 4G as Lighthouse's mobile profile (562.5 ms RTT, 1.47 Mbit/s down, 675 kbit/s up). Times from the navigation's start; medians of ${RUNS} visits per build, builds measured in turns after one warm-up visit each. "Takes typing": React has hydrated the first field (its handlers are attached), so a keystroke is kept and validated.`,
    "",
    table,
  ];
  if (rows.length === 2) {
    const [b, a] = rows as [(typeof rows)[0], (typeof rows)[0]];
    lines.push("", `- **Time until the first field takes typing: ${a.typed} ms vs. ${b.typed} ms before → ratio ${(a.typed / b.typed).toFixed(2)}**; HTML received ${a.html} ms vs. ${b.html} ms.`);
  }
  return lines.join("\n");
}
