/**
 * Whether an error means the database cannot be reached right now (a
 * PostgreSQL server restarting, a connection dropped, the pool unable to
 * connect): the request answers 503 and the next one succeeds once it is back.
 * Prisma wraps the driver's error (P1001, P1017, or a DriverAdapterError whose cause carries the code).
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as { code?: unknown; message?: unknown; cause?: unknown; meta?: unknown } | null, depth = 0; e && depth < 5; depth++) {
    const code = String(e.code ?? (e as { originalCode?: unknown }).originalCode ?? "");
    if (["P1001", "P1002", "P1017", "ECONNREFUSED", "ECONNRESET", "EPIPE", "57P01", "57P02", "57P03", "08006", "08003", "08001"].includes(code)) return true;
    if (/Connection terminated|timeout exceeded when trying to connect|Can't reach database server|connect ECONNREFUSED|DatabaseNotReachable|ConnectionClosed/i.test(String(e.message ?? ""))) return true;
    e = (e.cause ?? (e.meta as { driverAdapterError?: unknown } | undefined)?.driverAdapterError ?? null) as typeof e;
  }
  return false;
}
