// The page sizes every list offers; free of zod so client components can show them.
export const pageSizes = [10, 20, 50, 100] as const;
