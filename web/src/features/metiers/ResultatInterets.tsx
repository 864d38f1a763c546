import { Alert } from '@codegouvfr/react-dsfr/Alert';
import type { RefObject } from 'react';
import type { InteretsReponse } from '../../api/metiers.js';
import { Lien } from '../../routeur.js';
import { urlFiche } from './urls.js';

const pourcentage = new Intl.NumberFormat('fr-FR', { style: 'percent', maximumFractionDigits: 0 });

/** The interests profile in words, the suggested families with example fiches, and the caveat. */
export function ResultatInterets({ resultat, titreRef }: { resultat: InteretsReponse; titreRef: RefObject<HTMLHeadingElement | null> }) {
  const [premiere, seconde] = resultat.lettres;
  return (
    <section aria-labelledby="titre-resultat-interets" className="fr-mt-4w">
      <h2 id="titre-resultat-interets" ref={titreRef} tabIndex={-1}>
        Vos centres d’intérêt : {premiere?.nom} et {seconde?.nom}
      </h2>
      <Alert className="fr-mb-3w" severity="info" small description={resultat.avertissement} />
      <h3>Vos réponses par type d’intérêt</h3>
      <p className="fr-text--sm">Pour chaque type, la part des points que vos réponses pouvaient lui donner.</p>
      <ul className="trj-interets">
        {resultat.lettres.map((l) => (
          <li key={l.code}>
            <span className="trj-interets__nom">{l.nom}</span>
            <span className="trj-interets__barre" aria-hidden="true">
              <span style={{ width: `${Math.round(l.score * 100)}%` }} />
            </span>
            <span>{pourcentage.format(l.score)}</span>
          </li>
        ))}
      </ul>
      <h3>Des familles de métiers à explorer</h3>
      {resultat.familles.length === 0 ? (
        <p>Aucune famille de métiers du répertoire ne correspond à ce profil : parlez-en avec un conseiller en évolution professionnelle.</p>
      ) : (
        <ul className="trj-liste-nue">
          {resultat.familles.map((f) => (
            <li key={f.domaine_professionnel.code} className="fr-mb-3w">
              <h4 className="fr-h6 fr-mb-1w">{f.domaine_professionnel.libelle}</h4>
              <p className="fr-text--sm fr-mb-1w">
                {f.grand_domaine.libelle} · {f.nb_fiches} fiche{f.nb_fiches > 1 ? 's' : ''} de cette famille pour ce profil. Par exemple :
              </p>
              <ul>
                {f.exemples.map((e) => (
                  <li key={e.code}>
                    <Lien href={urlFiche(e.code)}>{e.libelle}</Lien> <span className="fr-text--sm">(RIASEC {e.riasec})</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <p className="fr-text--xs">
        Questionnaire version {resultat.questionnaire.version} du {new Date(resultat.questionnaire.date).toLocaleDateString('fr-FR')}.
      </p>
    </section>
  );
}
