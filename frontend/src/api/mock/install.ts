import { app, service } from './backend';

/** Puts the mock where the generated bindings look for the Go methods. */
export function installMock(): void {
  const w = window as unknown as Record<string, unknown>;
  if (w['go']) return; // real bindings present: never shadow them
  w['go'] = { gui: { Checklist: service, Settings: app }, main: { App: app } };
  console.info('[steward] running against the in-memory mock backend');
}
