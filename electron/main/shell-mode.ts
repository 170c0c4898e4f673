import { app } from 'electron';
import { runMode } from '../core/run-mode.ts';

/** This run's mode (see core/run-mode.ts): development with DevTools and the dev server, or the product. */
export const shellMode = runMode({ packaged: app.isPackaged, env: process.env });
