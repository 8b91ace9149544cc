export function securityHeaders(options: { production: boolean; embeddable: boolean }): { key: string; value: string }[];
export const FORM_PAGE_CACHE_CONTROL: string;
