import type { MainNavigationProps } from '@codegouvfr/react-dsfr/MainNavigation';
import { aLaPermission, useSession } from '../identite/SessionContexte.js';
import { URL_GESTION } from './api.js';

/** The header's link to the structures the account keeps in the directory, when its roles allow it. */
export function useLienGestion(chemin: string): MainNavigationProps.Item[] {
  const { session } = useSession();
  if (!aLaPermission(session, 'annuaire.structure.modifier')) return [];
  return [{ text: 'Gérer mes structures', linkProps: { href: URL_GESTION }, isActive: chemin.startsWith(URL_GESTION) }];
}
