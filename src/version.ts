/** Kept equal to package.json's version by scripts/lint.mjs (reading the file at start-up would cost every run). */
export const VERSION = '0.1.0';
