import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type FormEvent, useEffect, useState } from 'react';
import { type ContactGere, type StructureGeree, creerObjet, modifierObjet, supprimerObjet } from './api.js';
import { RetourEnvoi, messageChamp, useEnvoi } from './envoi.js';

const CHAMPS = ['nom', 'fonction', 'telephone', 'courriel', 'site_id'] as const;
type Champ = (typeof CHAMPS)[number];
const etatDe = (c: ContactGere | undefined) => Object.fromEntries(CHAMPS.map((k) => [k, c?.[k] ?? ''])) as Record<Champ, string>;

interface Props {
  structure: StructureGeree;
  contact?: ContactGere;
  onEnregistree: (s: StructureGeree) => void;
  onRecharger: () => void;
}

/** A named contact of the structure, possibly attached to one of its places. */
export function FormulaireContact({ structure, contact, onEnregistree, onRecharger }: Props) {
  const [etat, setEtat] = useState(() => etatDe(contact));
  const { enCours, erreur, succes, envoyer } = useEnvoi();
  // A save answers the record anew: the form takes its values (and version) from it.
  // Only a new record or a new version resets the form, not a parent re-render with an equal record.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setEtat(etatDe(contact)), [contact?.id, contact?.version]);
  const suffixe = contact ? contact.id : 'nouveau';
  const valeur = (c: Champ) => (c === 'site_id' ? etat.site_id || null : etat[c]);

  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    const resultat = await envoyer(
      async () => {
        if (!contact)
          return creerObjet(structure.id, 'contacts', {
            nom: etat.nom,
            fonction: etat.fonction,
            telephone: etat.telephone,
            courriel: etat.courriel,
            site_id: valeur('site_id'),
          });
        const avant = etatDe(contact);
        const modifies = Object.fromEntries(CHAMPS.filter((c) => etat[c] !== avant[c]).map((c) => [c, valeur(c)]));
        return modifierObjet(structure.id, 'contacts', contact.id, { version: contact.version, ...modifies });
      },
      contact ? 'Le contact est enregistré.' : 'Le contact est ajouté.',
    );
    if (resultat) {
      onEnregistree(resultat);
      if (!contact) setEtat(etatDe(undefined));
    }
  };

  const supprimer = async () => {
    if (!contact || !window.confirm(`Supprimer le contact « ${contact.nom} » ?`)) return;
    const resultat = await envoyer(() => supprimerObjet(structure.id, 'contacts', contact.id, contact.version), 'Le contact est supprimé.');
    if (resultat) onEnregistree(resultat);
  };

  const champ = (c: Exclude<Champ, 'site_id'>, label: string, type = 'text') => {
    const message = messageChamp(erreur, c);
    return (
      <Input
        label={label}
        state={message ? 'error' : 'default'}
        stateRelatedMessage={message}
        nativeInputProps={{ id: `${c}-${suffixe}`, type, value: etat[c], onChange: (e) => setEtat((avant) => ({ ...avant, [c]: e.target.value })) }}
      />
    );
  };

  return (
    <form onSubmit={(e) => void soumettre(e)} noValidate aria-label={contact ? `Contact ${contact.nom}` : 'Nouveau contact'}>
      <RetourEnvoi erreur={erreur} succes={succes} onRecharger={onRecharger} />
      {champ('nom', 'Nom et prénom')}
      {champ('fonction', 'Fonction')}
      {champ('telephone', 'Téléphone', 'tel')}
      {champ('courriel', 'Adresse électronique', 'email')}
      <Select
        label="Lieu"
        nativeSelectProps={{ id: `site-${suffixe}`, value: etat.site_id, onChange: (e) => setEtat((avant) => ({ ...avant, site_id: e.target.value })) }}
      >
        <option value="">Toute la structure</option>
        {structure.sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.nom}
          </option>
        ))}
      </Select>
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="submit" disabled={enCours}>
            {enCours ? 'Enregistrement…' : contact ? 'Enregistrer le contact' : 'Ajouter le contact'}
          </Button>
        </li>
        {contact && (
          <li>
            <Button type="button" priority="secondary" disabled={enCours} onClick={() => void supprimer()}>
              Supprimer le contact
            </Button>
          </li>
        )}
      </ul>
    </form>
  );
}
