import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { ErreurApi } from '../api/client.js';

/** Labels of the fields the API may name in its errors (query parameters of the pages). */
const LIBELLES_CHAMPS: Record<string, string> = {
  q: 'Votre besoin',
  commune: 'Commune',
  rayon_km: 'Distance maximale',
  thematiques: 'Thématique',
  publics: 'Public',
  reseaux: 'Réseau',
  tri: 'Trier par',
  page: 'Page',
  par_page: 'Nombre de résultats par page',
  id: 'Adresse de la page',
  metier: 'Métier visé',
};

/** French error notice showing the API's own message and, when given, what is wrong in each field. */
export function AvisErreur({ erreur, titre = 'La demande n’a pas abouti', as = 'h2' }: { erreur: ErreurApi; titre?: string; as?: 'h2' | 'h3' }) {
  return (
    <Alert
      className="fr-my-3w"
      severity="error"
      as={as}
      title={titre}
      role="alert"
      description={
        <>
          {erreur.message}
          {erreur.champs.length > 0 && (
            <ul className="fr-mt-1w">
              {erreur.champs.map((c, i) => (
                <li key={i}>
                  {LIBELLES_CHAMPS[c.chemin] ?? c.chemin} : {c.message}
                </li>
              ))}
            </ul>
          )}
        </>
      }
    />
  );
}
