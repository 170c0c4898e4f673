/**
 * How the shell runs: in development (`npm run dev`: electron-vite serves the renderer
 * with hot reload and names its address in ELECTRON_RENDERER_URL), or as the product
 * (a packaged app, or the built app `npm start` runs). Only development has DevTools and
 * the dev server; a packaged app ignores the variable, so nothing in its environment can
 * point it at pages from another origin.
 */
export interface RunMode {
  /** The Vite dev server's address, or null: the built pages from app://balancete. */
  devServerUrl: string | null;
  /** DevTools, their menu items and shortcuts: development only. */
  developerTools: boolean;
}

export function runMode(shell: { packaged: boolean; env: Record<string, string | undefined> }): RunMode {
  const fromEnvironment = shell.env.ELECTRON_RENDERER_URL;
  const devServerUrl = !shell.packaged && fromEnvironment ? fromEnvironment : null;
  return { devServerUrl, developerTools: devServerUrl !== null };
}
