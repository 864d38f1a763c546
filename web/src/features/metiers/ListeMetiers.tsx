import type { RechercheReponse } from '../../api/metiers.js';
import { Lien } from '../../routeur.js';
import { urlFiche } from './urls.js';

/** Search results: each fiche with the job titles that matched, so a person sees why it came up. */
export function ListeMetiers({ resultats }: { resultats: RechercheReponse['resultats'] }) {
  return (
    <ul className="trj-liste-nue trj-metiers">
      {resultats.map((r) => (
        <li key={r.code} className="fr-card fr-enlarge-link fr-mb-2w">
          <div className="fr-card__body">
            <div className="fr-card__content">
              <h3 className="fr-card__title fr-h5">
                <Lien href={urlFiche(r.code)}>{r.libelle}</Lien>
              </h3>
              {r.appellations.length > 0 && (
                <div className="fr-card__desc">
                  <span className="fr-text--sm">Intitulés trouvés :</span>
                  <ul className="trj-liste-simple fr-text--sm">
                    {r.appellations.map((a) => (
                      <li key={a.code}>{a.libelle}</li>
                    ))}
                  </ul>
                </div>
              )}
              <div className="fr-card__start">
                <p className="fr-card__detail">Fiche ROME {r.code}</p>
              </div>
            </div>
          </div>
        </li>
      ))}
    </ul>
  );
}
