// Electron entry point (built by electron-vite into out/main/main.js). Everything lives in hosts/electron.
import { runElectronHost } from './hosts/electron/run';

runElectronHost();
