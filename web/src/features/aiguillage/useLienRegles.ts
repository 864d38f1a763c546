import type { MainNavigationProps } from '@codegouvfr/react-dsfr/MainNavigation';
import { aLaPermission, useSession } from '../identite/SessionContexte.js';
import { URL_REGLES } from './api.js';

/** The header's link to the routing rules, for the accounts whose roles manage them. */
export function useLienRegles(chemin: string): MainNavigationProps.Item[] {
  const { session } = useSession();
  if (!aLaPermission(session, 'aiguillage.regles.gerer')) return [];
  return [{ text: 'Règles d’aiguillage', linkProps: { href: URL_REGLES }, isActive: chemin.startsWith(URL_REGLES) }];
}
