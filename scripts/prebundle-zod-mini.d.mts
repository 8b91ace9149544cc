export const ZOD_MINI_BROWSER: string;
export function zodMiniNamesUsedIn(source: string, zodMini: object): string[];
export function prebundleZodMini(root: string): Promise<string>;
export const directUtilPlugin: import("esbuild").Plugin;
