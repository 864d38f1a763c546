import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useEffect, useState } from 'react';
import { type StructureGeree, modifierStructure } from './api.js';
import { RetourEnvoi, messageChamp, useEnvoi } from './envoi.js';

const CHAMPS = ['nom', 'siret', 'description', 'telephone', 'courriel', 'site_web'] as const;
type Champ = (typeof CHAMPS)[number];

const valeursDe = (s: StructureGeree): Record<Champ, string> => Object.fromEntries(CHAMPS.map((c) => [c, s[c] ?? ''])) as Record<Champ, string>;

/** The structure's own fields: name, presentation, contact details. Only what changed is sent. */
export function FormulaireStructure({
  structure,
  onEnregistree,
  onRecharger,
}: {
  structure: StructureGeree;
  onEnregistree: (s: StructureGeree) => void;
  onRecharger: () => void;
}) {
  const [valeurs, setValeurs] = useState(() => valeursDe(structure));
  const { enCours, erreur, succes, envoyer } = useEnvoi();
  // A save answers the record anew (new version): the form takes its values from it, not on every re-render.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setValeurs(valeursDe(structure)), [structure.version]);

  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    const initiales = valeursDe(structure);
    const modifies = Object.fromEntries(CHAMPS.filter((c) => valeurs[c] !== initiales[c]).map((c) => [c, valeurs[c]]));
    const enregistree = await envoyer(() => modifierStructure(structure.id, { version: structure.version, ...modifies }), 'La structure est enregistrée.');
    if (enregistree) onEnregistree(enregistree);
  };

  const champ = (c: Champ, label: string, options: { hint?: string; type?: string; autoComplete?: string; textArea?: boolean } = {}) => {
    const message = messageChamp(erreur, c);
    const commun = { state: message ? ('error' as const) : ('default' as const), stateRelatedMessage: message, label, hintText: options.hint };
    const surChangement = (v: string) => setValeurs((avant) => ({ ...avant, [c]: v }));
    return options.textArea ? (
      <Input {...commun} textArea nativeTextAreaProps={{ name: c, value: valeurs[c], rows: 6, onChange: (e) => surChangement(e.target.value) }} />
    ) : (
      <Input
        {...commun}
        nativeInputProps={{
          name: c,
          type: options.type ?? 'text',
          autoComplete: options.autoComplete,
          value: valeurs[c],
          onChange: (e) => surChangement(e.target.value),
        }}
      />
    );
  };

  return (
    <form onSubmit={(e) => void soumettre(e)} noValidate aria-labelledby="titre-structure">
      <h2 id="titre-structure" className="fr-h4">
        La structure
      </h2>
      <RetourEnvoi erreur={erreur} succes={succes} onRecharger={onRecharger} />
      {champ('nom', 'Nom de la structure')}
      {champ('description', 'Présentation', { hint: 'Ce que fait la structure, pour qui, comment la joindre.', textArea: true })}
      {champ('telephone', 'Téléphone', { hint: 'Par exemple 05 56 00 00 00', type: 'tel', autoComplete: 'tel' })}
      {champ('courriel', 'Adresse électronique de contact', { hint: 'Format attendu : nom@domaine.fr', type: 'email', autoComplete: 'email' })}
      {champ('site_web', 'Site internet', { hint: 'Adresse complète, commençant par https://', type: 'url', autoComplete: 'url' })}
      {champ('siret', 'SIRET', { hint: '14 chiffres' })}
      <Button type="submit" disabled={enCours}>
        {enCours ? 'Enregistrement…' : 'Enregistrer la structure'}
      </Button>
    </form>
  );
}
