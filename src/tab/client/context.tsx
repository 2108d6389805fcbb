// What every view of the tab needs: the person's strings and formats, the API, and who is signed in.
import { createContext, useContext } from 'react';
import type { MeView } from '../contract.js';
import type { TabApi } from './api.js';
import type { Formats, Language, TabStrings } from './strings/index.js';

export interface AppContextValue {
  language: Language;
  strings: TabStrings;
  formats: Formats;
  api: TabApi;
  me: MeView;
  /** Moves whenever any request changes (polled): views reload what they show when it does. */
  marker: string;
}

export const AppContext = createContext<AppContextValue | null>(null);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp outside AppContext');
  return value;
}
