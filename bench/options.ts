// Command-line options of `npm run bench -- <suite> [options]`, for the suites that take some
// (today the load suite: `--postgres <server URL> --instances <n> --rounds <n>`).
export type BenchOptions = {
  /** A PostgreSQL server (admin URL): the suite creates a scratch database there and drops it afterwards. */
  postgres?: string;
  /** Instances of the app started on that database (more than one: behind scripts/round-robin-proxy.mjs). */
  instances?: number;
  /** Rounds of each measure; figures are their medians. */
  rounds?: number;
};

const VALUED = new Set(["--postgres", "--instances", "--rounds"]);

/** Suite names and options from the arguments after `npm run bench --`. */
export function parseBenchArgs(argv: readonly string[]): { names: string[]; options: BenchOptions; flags: string[] } {
  const names: string[] = [];
  const flags: string[] = [];
  const options: BenchOptions = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith("--")) {
      names.push(arg);
      continue;
    }
    const [flag, inline] = arg.split(/=(.*)/s, 2) as [string, string | undefined];
    if (!VALUED.has(flag)) throw new Error(`unknown bench option ${flag}`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`${flag} needs a value`);
    flags.push(flag, value);
    if (flag === "--postgres") {
      if (!/^postgres(ql)?:\/\//.test(value)) throw new Error("--postgres needs a postgresql:// URL");
      options.postgres = value;
    } else {
      const n = Number(value);
      if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a whole number ≥ 1`);
      if (flag === "--instances") options.instances = n;
      else options.rounds = n;
    }
  }
  return { names, options, flags };
}

/** The command as typed, its PostgreSQL password hidden, for the record in BENCHMARKS.md. */
export function commandLine(argv: readonly string[]): string {
  const env = Object.entries(process.env)
    .filter(([key]) => key.startsWith("BENCH_"))
    .map(([key, value]) => `${key}=${value}`);
  const args = argv.map((a) => a.replace(/(postgres(?:ql)?:\/\/[^:@/]+:)[^@]+@/, "$1****@"));
  return [...env, "npm run bench --", ...args].join(" ");
}
