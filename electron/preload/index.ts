import { contextBridge, ipcRenderer } from 'electron';
import { bridgeGlobalName } from '../shared/bridge.ts';
import { createBridge } from './bridge.ts';

contextBridge.exposeInMainWorld(bridgeGlobalName, createBridge(ipcRenderer));
