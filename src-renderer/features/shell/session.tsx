// The signed-in user and the device settings, shared by every screen. Both come from main:
// the user from the session main holds, never from anything the renderer remembers.
import { useQuery } from '@tanstack/react-query';
import { createContext, useContext } from 'react';
import type { PublicSettings } from '../../../src-main/shared/ipc/contract';
import type { SessionUser } from '../../../src-main/shared/types';
import { call } from '../../lib/api';

export interface SessionState {
  user: SessionUser;
  settings: PublicSettings;
}

export const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in screen');
  return s;
}

export const useWhoami = () => useQuery({ queryKey: ['whoami'], queryFn: () => call('auth.whoami', {}) });
export const useSettings = () => useQuery({ queryKey: ['settings'], queryFn: () => call('settings.get', {}) });
export const useUnits = () =>
  useQuery({ queryKey: ['units'], queryFn: () => call('units.list', {}), staleTime: 60_000 });
export const useCategories = () =>
  useQuery({ queryKey: ['categories'], queryFn: () => call('categories.list', {}), staleTime: 60_000 });
