import { electronBinary, electronSkipReason } from './electron-app.ts';

/** Playwright global set-up: one clear line when the suite cannot run here. */
export default function reportAvailability(): void {
  if (!electronBinary) console.log(electronSkipReason);
  else console.log(`Electron shell suite: using ${electronBinary}`);
}
