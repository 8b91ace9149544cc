// The configuration's home is lib/env.ts; this name stays for lib/db.ts's import
// until that file (being reworked for PostgreSQL) imports from there directly.
export { dataDir, databaseUrl } from "@/lib/env";
export { isPostgresUrl } from "@/lib/env-schema";
