import type { MainNavigationProps } from '@codegouvfr/react-dsfr/MainNavigation';
import { aLaPermission, useSession } from '../identite/SessionContexte.js';
import { useNomsStructures } from './useNomsStructures.js';

export const urlJournalStructure = (structureId: string) => `/journal-des-acces/${encodeURIComponent(structureId)}`;
export const URL_MES_ACCES = '/mes-acces';

/**
 * The header's links to the access lists the account may read: its own (a person), or those of
 * the structures it manages (one link, or a menu when it manages several).
 */
export function useLiensJournal(chemin: string): MainNavigationProps.Item[] {
  const { session } = useSession();
  const structures =
    session?.connecte && aLaPermission(session, 'audit.acces_structure.lire')
      ? [...new Set(session.adhesions.flatMap((a) => (a.role === 'structure_manager' && a.structure_id ? [a.structure_id] : [])))]
      : [];
  const noms = useNomsStructures(structures);
  const liens: MainNavigationProps.Item[] = [];
  if (aLaPermission(session, 'audit.mes_acces.lire')) {
    liens.push({ text: 'Qui a consulté mes données', linkProps: { href: URL_MES_ACCES }, isActive: chemin === URL_MES_ACCES });
  }
  const [seule] = structures;
  if (structures.length === 1 && seule) {
    liens.push({ text: 'Journal des accès', linkProps: { href: urlJournalStructure(seule) }, isActive: chemin === urlJournalStructure(seule) });
  } else if (structures.length > 1) {
    liens.push({
      text: 'Journaux des accès',
      isActive: chemin.startsWith('/journal-des-acces/'),
      menuLinks: structures.map((id) => ({
        text: noms.get(id) ?? 'Structure',
        linkProps: { href: urlJournalStructure(id) },
        isActive: chemin === urlJournalStructure(id),
      })),
    });
  }
  return liens;
}
