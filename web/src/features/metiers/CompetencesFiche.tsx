import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import type { FicheMetier } from '../../api/metiers.js';

type Competence = FicheMetier['competences']['savoir_etre'][number];

const nombre = (n: number, singulier: string, pluriel: string) => `${n} ${n > 1 ? pluriel : singulier}`;

function MarqueCoeur({ coeur }: { coeur: Competence['coeur_metier'] }) {
  if (coeur === 'principale')
    return (
      <Badge small severity="info" noIcon className="fr-ml-1w">
        Cœur de métier
      </Badge>
    );
  if (coeur === 'emergente')
    return (
      <Badge small severity="new" noIcon className="fr-ml-1w">
        Émergente
      </Badge>
    );
  return null;
}

function ListeCompetences({ competences }: { competences: Competence[] }) {
  return (
    <ul>
      {competences.map((c) => (
        <li key={c.code}>
          {c.libelle}
          <MarqueCoeur coeur={c.coeur_metier} />
        </li>
      ))}
    </ul>
  );
}

/**
 * The fiche's know-how by category then macro-competence, its soft skills, in accordions; the
 * skills the referential puts at the core of the occupation carry a badge.
 */
export function CompetencesFiche({ competences }: { competences: FicheMetier['competences'] }) {
  return (
    <div className="fr-accordions-group">
      {competences.savoir_faire.map((c) => {
        const n = c.macro_competences.reduce((s, m) => s + m.competences.length, 0);
        return (
          <Accordion key={c.categorie} titleAs="h3" label={`Savoir-faire – ${c.categorie} (${nombre(n, 'compétence', 'compétences')})`}>
            {c.macro_competences.map((m) => (
              <div key={m.code}>
                <h4 className="fr-h6 fr-mb-1w">{m.libelle}</h4>
                <ListeCompetences competences={m.competences} />
              </div>
            ))}
          </Accordion>
        );
      })}
      {competences.savoir_etre.length > 0 && (
        <Accordion titleAs="h3" label={`Savoir-être professionnels (${competences.savoir_etre.length})`}>
          <ListeCompetences competences={competences.savoir_etre} />
        </Accordion>
      )}
    </div>
  );
}

/** The knowledge the fiche cites, one accordion per category. */
export function SavoirsFiche({ savoirs }: { savoirs: FicheMetier['competences']['savoirs'] }) {
  if (savoirs.length === 0) return <p>La fiche ne cite pas de connaissance particulière.</p>;
  return (
    <div className="fr-accordions-group">
      {savoirs.map((s) => (
        <Accordion key={s.categorie} titleAs="h3" label={`${s.categorie} (${s.savoirs.length})`}>
          <ListeCompetences competences={s.savoirs} />
        </Accordion>
      ))}
    </div>
  );
}
