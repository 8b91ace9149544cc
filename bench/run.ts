// npm run bench [name …]: runs the benchmark modules (all by default) and
// rewrites their sections of BENCHMARKS.md. Each module in bench/suites/
// exports `title` and `run(options): Promise<string>` returning a Markdown section, and may
// export `section(options)`: the section's name and title when options make it another measure
// (e.g. `npm run bench -- load --postgres <url> --instances 2`).
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { commandLine, parseBenchArgs, type BenchOptions } from "./options";
import { withSection } from "./sections";

type Suite = { title: string; run: (options: BenchOptions) => Promise<string>; section?: (options: BenchOptions) => { name: string; title: string } | undefined };

async function main() {
  const dir = path.join(import.meta.dirname, "suites");
  const { names: wanted, options, flags } = parseBenchArgs(process.argv.slice(2));
  const names = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .map((f) => f.replace(/\.ts$/, ""))
    .filter((n) => wanted.length === 0 || wanted.includes(n))
    .sort();
  if (names.length > 1) {
    // One process per suite: each opens its own database through the one Prisma client of lib/db.
    for (const name of names) {
      const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, name, ...flags], { stdio: "inherit" });
      if (child.status !== 0) process.exit(child.status ?? 1);
    }
    process.exit(0);
  }
  const file = "BENCHMARKS.md";
  const header =
    "# Benchmarks\n\nProduced by `npm run bench` (all suites) or `npm run bench -- <suite>`. Machines are shared and noisy: figures are medians, each beside a baseline measured in the same run.\n";
  let document = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : header;

  for (const name of names) {
    const suite = (await import(path.join(dir, `${name}.ts`))) as Suite;
    console.log(`› bench ${name}: ${suite.title}`);
    const body = await suite.run(options);
    const command = commandLine([name, ...flags]);
    const section = suite.section?.(options) ?? { name, title: suite.title };
    const text = `## ${section.title}\n\n${body.trim()}\n\n_Measured ${new Date().toISOString().slice(0, 16)} UTC with \`${command}\` on ${os.cpus().length} × ${os.cpus()[0]?.model ?? "CPU"}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}._`;
    document = withSection(document, section.name, text);
  }
  fs.writeFileSync(file, document);
  console.log(`wrote ${file}`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
