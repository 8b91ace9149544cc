export const POSTGRES_MIGRATIONS_DIR: string;
export function isPostgresUrl(url: string | undefined): boolean;
export function unreachableReason(error: unknown): string | undefined;
export function safeUrl(url: string): string;
export function migratePostgres(url: string, options?: { dir?: string; log?: (line: string) => void }): Promise<string[]>;
export function migrateOrExit(): Promise<void>;
