import type { MainNavigationProps } from '@codegouvfr/react-dsfr/MainNavigation';
import { aLaPermission, useSession } from '../identite/SessionContexte.js';
import { URL_ACCUEIL, URL_DOSSIERS } from './api.js';

/** The header's links to receiving a person and to the files, for the agents whose roles receive people. */
export function useLiensDossiers(chemin: string): MainNavigationProps.Item[] {
  const { session } = useSession();
  if (!aLaPermission(session, 'dossier.creer')) return [];
  return [
    { text: 'Accueillir une personne', linkProps: { href: URL_ACCUEIL }, isActive: chemin.startsWith(URL_ACCUEIL) },
    { text: 'Dossiers', linkProps: { href: URL_DOSSIERS }, isActive: chemin.startsWith(URL_DOSSIERS) },
  ];
}
