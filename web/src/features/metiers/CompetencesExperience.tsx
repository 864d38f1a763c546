import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { type CompetenceCochable, lireCompetences, type TypeCompetence } from '../../api/metiers.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Chargement } from '../../components/Chargement.js';
import { useDonnees } from '../../components/useDonnees.js';
import type { ExperienceChoisie } from './rapprochement.js';

const GROUPES: { type: TypeCompetence; libelle: string }[] = [
  { type: 'savoir_faire', libelle: 'Savoir-faire' },
  { type: 'savoir_etre', libelle: 'Savoir-être professionnels' },
  { type: 'savoir', libelle: 'Connaissances' },
];

interface Props {
  experience: ExperienceChoisie;
  cochees: ReadonlySet<string>;
  onCocher: (codes: string[], coche: boolean) => void;
}

/**
 * The skills and knowledge of one experience's fiche, to tick, grouped by kind, core ones first
 * (the API's order) and marked; one button ticks every core skill at once.
 */
export function CompetencesExperience({ experience, cochees, onCocher }: Props) {
  const etat = useDonnees((signal) => lireCompetences(experience.codeRome, signal), [experience.codeRome]);
  const legende = `Ce que vous savez faire comme « ${experience.libelle} »`;
  if (etat.statut === 'chargement') return <Chargement texte={`Chargement des compétences de « ${experience.libelle} »…`} />;
  if (etat.statut === 'erreur')
    return <AvisErreur erreur={etat.erreur} titre={`Les compétences de « ${experience.libelle} » n’ont pas pu être chargées`} as="h3" />;
  const competences = etat.donnees.competences;
  const coeurs = competences.filter((c) => c.coeur_metier).map((c) => c.code);
  const option = (c: CompetenceCochable) => ({
    label: c.libelle,
    ...(c.coeur_metier ? { hintText: 'Cœur de métier' } : {}),
    nativeInputProps: { value: c.code, checked: cochees.has(c.code), onChange: (e: { target: { checked: boolean } }) => onCocher([c.code], e.target.checked) },
  });
  return (
    <fieldset className="fr-fieldset trj-competences-experience">
      <legend className="fr-fieldset__legend fr-h6">{legende}</legend>
      {coeurs.length > 0 && (
        <div className="fr-fieldset__element">
          <Button
            type="button"
            priority="tertiary"
            size="small"
            iconId="fr-icon-checkbox-circle-line"
            iconPosition="left"
            onClick={() => onCocher(coeurs, true)}
          >
            {`Cocher les ${coeurs.length} compétences du cœur de métier de « ${experience.libelle} »`}
          </Button>
        </div>
      )}
      {GROUPES.map((g) => {
        const liste = competences.filter((c) => c.type === g.type);
        if (liste.length === 0) return null;
        return (
          <div key={g.type} className="fr-fieldset__element">
            <Checkbox small legend={`${g.libelle} (${liste.length})`} options={liste.map(option)} />
          </div>
        );
      })}
    </fieldset>
  );
}
