/** The cold start at run time: the shell's hand-over and the early writer (shell.ts is build-time). */
export * from './early-writer.ts';
export * from './hand-over.ts';
