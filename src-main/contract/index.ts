// Everything that crosses a process or network boundary. The renderer imports only from here.
export * from './messages';
export * from './ui-api';
export * from './bridge';
export * from './preferences';
