import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type Session, lireSession } from '../../api/identite.js';

interface EtatSession {
  /** undefined while the first answer is awaited. */
  session: Session | undefined;
  /** Reads the session again (after sign-in, sign-out, second factor). */
  recharger(): Promise<Session | undefined>;
}

const SessionContexte = createContext<EtatSession>({ session: undefined, recharger: async () => undefined });

export function FournisseurSession({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session>();
  const recharger = useCallback(async () => {
    try {
      const lue = await lireSession();
      setSession(lue);
      return lue;
    } catch {
      // Unreachable service: the public pages stay usable, shown as signed out.
      const horsLigne: Session = { connecte: false, jeton_csrf: '' };
      setSession(horsLigne);
      return horsLigne;
    }
  }, []);
  useEffect(() => {
    void recharger();
  }, [recharger]);
  const valeur = useMemo(() => ({ session, recharger }), [session, recharger]);
  return <SessionContexte.Provider value={valeur}>{children}</SessionContexte.Provider>;
}

export function useSession(): EtatSession {
  return useContext(SessionContexte);
}

/** Whether the signed-in account may use a permission (as the API says; the UI never decides alone). */
export function aLaPermission(session: Session | undefined, permission: string): boolean {
  return session?.connecte === true && session.permissions.includes(permission);
}
