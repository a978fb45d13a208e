/** Electron's executable, or null when it is not on disk (see electronBinaryPath.js). */
export function electronBinaryPath(): string | null;
