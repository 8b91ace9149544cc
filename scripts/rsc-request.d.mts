export function isRscRequest(header: (name: string) => string | string[] | null | undefined, searchParams: URLSearchParams): boolean;
