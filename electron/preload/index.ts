import { contextBridge, ipcRenderer } from 'electron';
import { bridgeGlobalName } from '../shared/bridge.ts';
import { windowKindFromArguments, windowScopes } from '../shared/window-scopes.ts';
import { createBridge } from './bridge.ts';

// Main names the window's kind in its arguments (additionalArguments); a window without
// one gets no bridge at all, and its page says it runs outside Balancete.
const kind = windowKindFromArguments(process.argv);
if (kind) contextBridge.exposeInMainWorld(bridgeGlobalName, createBridge(ipcRenderer, windowScopes[kind]));
