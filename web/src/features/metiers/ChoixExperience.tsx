import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { chercherMetiers } from '../../api/metiers.js';
import { messageDuChamp, sansChamps } from '../identite/navigation.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Chargement } from '../../components/Chargement.js';
import { useDonnees } from '../../components/useDonnees.js';
import { FormulaireRechercheMetier } from './FormulaireRechercheMetier.js';
import { cleExperience, type ExperienceChoisie } from './rapprochement.js';

const PROPOSITIONS = 6;

/**
 * Search, then choose: the person types a job title, the matching fiches come with the job titles
 * that matched, and one button per title adds it. Buttons rather than a combobox: each choice is
 * a plain, labelled control, the same with a mouse, a keyboard or a screen reader.
 */
export function ChoixExperience({
  dejaChoisies,
  onChoisir,
}: {
  /** Keys (cleExperience) of the experiences already chosen. */ dejaChoisies: string[];
  onChoisir: (e: ExperienceChoisie) => void;
}) {
  const [q, setQ] = useState('');
  const etat = useDonnees((signal) => (q ? chercherMetiers({ q, par_page: PROPOSITIONS }, signal) : Promise.resolve(null)), [q]);
  const erreur = etat.statut === 'erreur' ? etat.erreur : null;
  const erreurChamp = messageDuChamp(erreur, 'q');
  const resultats = etat.statut === 'pret' ? (etat.donnees?.resultats ?? null) : null;

  const choisir = (e: ExperienceChoisie) => {
    setQ('');
    onChoisir(e);
  };

  return (
    <div className="trj-choix-experience">
      <FormulaireRechercheMetier label="Un métier que vous avez exercé" valeur={q} bouton="Chercher ce métier" erreur={erreurChamp} onChercher={setQ} />
      {q && etat.statut === 'chargement' && <Chargement texte="Recherche des métiers…" />}
      {erreur && <AvisErreur erreur={erreurChamp ? sansChamps(erreur) : erreur} titre="La recherche n’a pas abouti" as="h3" />}
      <div role="status" className="fr-mt-2w">
        {resultats &&
          (resultats.length === 0
            ? `Aucun métier ne ressemble à « ${q} » : essayez un autre intitulé, plus court ou plus courant.`
            : `${resultats.length} ${resultats.length > 1 ? 'métiers proposés' : 'métier proposé'} pour « ${q} » : choisissez l’intitulé qui vous correspond.`)}
      </div>
      {resultats && resultats.length > 0 && (
        <ul className="trj-liste-nue trj-propositions">
          {resultats.map((r) => {
            const choix: ExperienceChoisie[] = r.appellations.length
              ? r.appellations.slice(0, 3).map((a) => ({ experience: { appellation: a.code }, libelle: a.libelle, codeRome: r.code }))
              : [{ experience: { metier: r.code }, libelle: r.libelle, codeRome: r.code }];
            return (
              <li key={r.code} className="fr-mb-2w">
                <p className="fr-text--sm fr-mb-1w">
                  Fiche {r.code} « {r.libelle} »
                </p>
                <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--sm">
                  {choix.map((c) => (
                    <li key={c.libelle}>
                      <Button
                        priority="secondary"
                        size="small"
                        iconId="fr-icon-add-line"
                        iconPosition="left"
                        disabled={dejaChoisies.includes(cleExperience(c.experience))}
                        onClick={() => choisir(c)}
                      >
                        {`Ajouter « ${c.libelle} »`}
                      </Button>
                    </li>
                  ))}
                </ul>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
