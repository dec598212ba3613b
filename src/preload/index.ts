// Preload (sandboxed): exposes window.calpump and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { exposeCalpump } from './expose.js';

exposeCalpump(contextBridge, ipcRenderer);
