import type { HeaderProps } from '@codegouvfr/react-dsfr/Header';
import { deconnecter, deconnecterPartout } from '../../api/identite.js';
import { naviguer, useEmplacement } from '../../routeur.js';
import { avecRetour } from './navigation.js';
import { useSession } from './SessionContexte.js';

/**
 * The header's quick access to the account: "Se connecter" (coming back to this page) when
 * signed out; the account's name, "Se déconnecter" and "Se déconnecter partout" when signed in.
 */
export function useAccesRapides(): HeaderProps['quickAccessItems'] {
  const { session, recharger } = useSession();
  const { chemin, recherche } = useEmplacement();
  if (!session) return [];
  if (!session.connecte) {
    const retour = chemin === '/connexion' ? (new URLSearchParams(recherche).get('retour') ?? '/') : chemin + recherche;
    return [{ iconId: 'fr-icon-account-circle-line', text: 'Se connecter', linkProps: { href: avecRetour('/connexion', retour) } }];
  }
  const sortir = async (fermer: () => Promise<unknown>) => {
    try {
      await fermer();
    } finally {
      // Signed out or not (session already expired), the header follows what the API now says.
      await recharger();
      naviguer('/');
    }
  };
  const { prenom, nom } = session.utilisateur;
  return [
    // Text, not a button: there is no account page yet.
    <p className="fr-mb-0 fr-text--sm" style={{ padding: '0.25rem 0.75rem', lineHeight: '1.5rem', fontWeight: 500 }}>
      <span className="fr-icon-account-circle-line fr-icon--sm fr-mr-1w" aria-hidden="true" />
      {`${prenom} ${nom}`}
    </p>,
    { iconId: 'fr-icon-logout-box-r-line', text: 'Se déconnecter', buttonProps: { onClick: () => void sortir(deconnecter) } },
    {
      iconId: 'fr-icon-logout-box-r-line',
      text: 'Se déconnecter partout',
      buttonProps: { onClick: () => void sortir(deconnecterPartout), title: 'Fermer mes sessions sur tous mes appareils' },
    },
  ];
}
