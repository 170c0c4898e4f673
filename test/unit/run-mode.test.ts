import { describe, expect, it } from 'vitest';
import { runMode } from '../../electron/core/run-mode.ts';

const devServer = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };

describe('run mode', () => {
  it('development (`npm run dev`): the dev server and DevTools', () => {
    expect(runMode({ packaged: false, env: devServer })).toEqual({
      devServerUrl: 'http://localhost:5173/',
      developerTools: true,
    });
  });

  it('the built app (`npm start`): app://balancete and no DevTools', () => {
    expect(runMode({ packaged: false, env: {} })).toEqual({ devServerUrl: null, developerTools: false });
    expect(runMode({ packaged: false, env: { ELECTRON_RENDERER_URL: '' } })).toEqual({
      devServerUrl: null,
      developerTools: false,
    });
  });

  it('a packaged app ignores the variable: nothing in its environment points it elsewhere or opens DevTools', () => {
    expect(runMode({ packaged: true, env: devServer })).toEqual({ devServerUrl: null, developerTools: false });
  });
});
