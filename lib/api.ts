import "server-only";
import { NextResponse } from "next/server";
import { AppError } from "@/lib/errors";
import { isDatabaseUnavailable } from "@/lib/storage/unavailable";

/** Wraps a route handler: expected errors become JSON with their status, the rest a logged 500 without details. */
export function apiRoute<A extends unknown[]>(handler: (...args: A) => Promise<Response>) {
  return async (...args: A): Promise<Response> => {
    try {
      return await handler(...args);
    } catch (error) {
      if (error instanceof AppError) {
        return NextResponse.json({ error: error.message, fieldErrors: error.fieldErrors }, { status: error.status });
      }
      if (isDatabaseUnavailable(error)) {
        console.error(`database unavailable: ${(error as Error).message}`);
        return NextResponse.json({ error: "Service momentanément indisponible. Réessayez dans un instant." }, { status: 503, headers: { "Retry-After": "5" } });
      }
      console.error(error);
      return NextResponse.json({ error: "Une erreur inattendue est survenue." }, { status: 500 });
    }
  };
}
