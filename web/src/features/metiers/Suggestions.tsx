import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { Suggestion } from '../../api/metiers.js';
import { Lien } from '../../routeur.js';
import { urlFiche } from './urls.js';

const pourcentage = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

function Competences({ liste }: { liste: Suggestion['competences_acquises'] }) {
  return (
    <ul>
      {liste.map((c) => (
        <li key={c.code}>
          {c.libelle}
          {c.coeur_metier && ' (cœur de métier)'}
        </li>
      ))}
    </ul>
  );
}

/** The ranked occupations, each with the sentences that explain it and the skills held and missing. */
export function Suggestions({ suggestions }: { suggestions: Suggestion[] }) {
  return (
    <ol className="trj-liste-nue trj-suggestions">
      {suggestions.map((s, i) => (
        <li key={s.code} className="fr-mb-4w trj-suggestion">
          <h3 className="fr-h5 fr-mb-1w">
            <span className="fr-sr-only">{i + 1}. </span>
            <Lien href={urlFiche(s.code)}>{s.libelle}</Lien>
          </h3>
          <ul className="fr-badges-group">
            <li>
              <Badge small noIcon>{`Proximité ${pourcentage.format(s.score)}`}</Badge>
            </li>
            {s.mobilite && (
              <li>
                <Badge small severity="success">
                  Mobilité citée par le ROME
                </Badge>
              </li>
            )}
          </ul>
          <ul className="fr-mt-1w">
            {s.explication.map((phrase) => (
              <li key={phrase}>{phrase}</li>
            ))}
          </ul>
          <div className="fr-accordions-group">
            <Accordion titleAs="h4" label={`Compétences déjà acquises (${s.competences_acquises.length})`}>
              {s.competences_acquises.length ? (
                <Competences liste={s.competences_acquises} />
              ) : (
                <p>Aucune des compétences cochées ne figure sur cette fiche.</p>
              )}
            </Accordion>
            <Accordion titleAs="h4" label={`Compétences à acquérir (${s.nb_competences_manquantes})`}>
              {s.nb_competences_manquantes === 0 ? (
                <p>Vous avez toutes les compétences que la fiche cite.</p>
              ) : (
                <>
                  <Competences liste={s.competences_manquantes} />
                  {s.nb_competences_manquantes > s.competences_manquantes.length && (
                    <p className="fr-text--sm">
                      Et {s.nb_competences_manquantes - s.competences_manquantes.length} autres :{' '}
                      <Lien href={urlFiche(s.code)}>voir toutes les compétences sur la fiche</Lien>.
                    </p>
                  )}
                </>
              )}
            </Accordion>
          </div>
        </li>
      ))}
    </ol>
  );
}
