// Whether the sample data is shown instead of the seeker's own. The server decides (the sample
// lives beside the seeker's data while it exists); the page learns it on load and after each
// switch. `generation` changes on every switch so that the page on screen reloads its data.
import { useSyncExternalStore } from 'react';
import { api } from './api.js';

export interface SampleView {
  /** null until the server has answered. */
  active: boolean | null;
  generation: number;
}

let view: SampleView = { active: null, generation: 0 };
const listeners = new Set<() => void>();

function set(active: boolean, switched: boolean): void {
  if (view.active === active && !switched) return;
  view = { active, generation: view.generation + (switched ? 1 : 0) };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useSample(): SampleView {
  return useSyncExternalStore(subscribe, () => view);
}

/** Asks the server once at start; a server without the sample routes has no sample. */
export async function refreshSample(): Promise<void> {
  try {
    set((await api.sample()).active, false);
  } catch {
    set(false, false);
  }
}

/** Loads a fresh sample and shows it. */
export async function enterSample(): Promise<void> {
  await api.loadSample();
  set(true, true);
}

/** Removes the sample; the seeker's own data is shown again. */
export async function leaveSample(): Promise<void> {
  await api.leaveSample();
  set(false, true);
}
