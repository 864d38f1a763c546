import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { useEffect, useState } from 'react';
import { chercherMetiersBmo, type MetierBmo } from '../../api/marche-travail.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import { useDonnees } from '../../components/useDonnees.js';

/** The families of the list, in the order the API gives them (by family, then label). */
function parFamille(metiers: MetierBmo[]): [string, MetierBmo[]][] {
  const familles = new Map<string, MetierBmo[]>();
  for (const m of metiers) familles.set(m.famille.libelle, [...(familles.get(m.famille.libelle) ?? []), m]);
  return [...familles];
}

/**
 * The BMO occupation family a person chooses: a filter (accents optional, detailed FAP labels
 * searched too) narrows a list grouped by family.
 */
export function ChoixMetierBmo({ valeur, onChange, erreur }: { valeur: string; onChange: (code: string) => void; erreur?: string | null }) {
  const [filtre, setFiltre] = useState('');
  const [filtreApplique, setFiltreApplique] = useState('');
  const [retenu, setRetenu] = useState<MetierBmo | null>(null);
  useEffect(() => {
    const minuterie = window.setTimeout(() => setFiltreApplique(filtre.trim().length >= 2 ? filtre.trim() : ''), 250);
    return () => window.clearTimeout(minuterie);
  }, [filtre]);
  const etat = useDonnees((signal) => chercherMetiersBmo(filtreApplique, signal), [filtreApplique]);
  const metiers = etat.donnees?.metiers ?? [];
  // The chosen family stays in the list even when the filter no longer proposes it.
  const horsFiltre = retenu && retenu.code === valeur && !metiers.some((m) => m.code === valeur) ? retenu : null;
  const choisir = (code: string) => {
    setRetenu(metiers.find((m) => m.code === code) ?? null);
    onChange(code);
  };

  return (
    <fieldset className="fr-fieldset">
      <legend className="fr-fieldset__legend">Famille de métiers de l’enquête BMO</legend>
      <div className="fr-fieldset__element">
        <Input
          label="Filtrer la liste des familles (facultatif)"
          hintText="Un mot du métier, par exemple « aide à domicile » ou « boulanger »"
          nativeInputProps={{ value: filtre, onChange: (e) => setFiltre(e.target.value), autoComplete: 'off', type: 'search' }}
        />
      </div>
      <div className="fr-fieldset__element">
        <Select
          label="Famille de métiers BMO"
          hint={
            etat.statut === 'chargement'
              ? 'Chargement de la liste…'
              : `${metiers.length} famille${metiers.length > 1 ? 's' : ''} proposée${metiers.length > 1 ? 's' : ''}`
          }
          state={erreur ? 'error' : 'default'}
          stateRelatedMessage={erreur ?? undefined}
          nativeSelectProps={{ value: valeur, onChange: (e) => choisir(e.target.value), name: 'metier_bmo' }}
        >
          <option value="">{metiers.length === 0 && etat.statut === 'pret' ? 'Aucune famille ne correspond au filtre' : 'Choisissez une famille'}</option>
          {horsFiltre && <option value={horsFiltre.code}>{horsFiltre.libelle}</option>}
          {parFamille(metiers).map(([famille, liste]) => (
            <optgroup key={famille} label={famille}>
              {liste.map((m) => (
                <option key={m.code} value={m.code}>
                  {m.libelle}
                </option>
              ))}
            </optgroup>
          ))}
        </Select>
      </div>
      {etat.statut === 'erreur' && <AvisErreur erreur={etat.erreur} titre="La liste des métiers n’a pas pu être chargée" as="h3" />}
    </fieldset>
  );
}
