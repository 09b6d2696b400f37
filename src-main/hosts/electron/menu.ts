// The application menu: the standard roles plus Sesame's few commands.
import { app, clipboard, Menu, shell, type MenuItemConstructorOptions } from 'electron';
import type { SesameHandle } from '../app';

export function installMenu(sesame: SesameHandle): void {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'Copy SES Endpoint', click: () => clipboard.writeText(sesame.urls.aws) },
        { label: 'Copy UI URL (for a browser)', click: () => clipboard.writeText(sesame.urls.ui) },
        { label: 'Reveal Data Folder', click: () => void shell.openPath(sesame.config.dataDir) },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ label: `Sesame ${app.getVersion()}`, enabled: false }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
