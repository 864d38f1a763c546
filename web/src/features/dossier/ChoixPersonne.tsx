import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import type { ErreurApi } from '../../api/client.js';
import type { ReponseAiguillage } from '../aiguillage/api.js';
import { messageChamp } from '../gestion/envoi.js';

/** The person's choice while it is being made; operateur null: not chosen yet. */
export interface ChoixEnCours {
  operateur: string | null;
  site_id: string;
  note: string;
}

export const CHOIX_VIDE: ChoixEnCours = { operateur: null, site_id: '', note: '' };

type Entree = { code: string; libelle: string; precision?: string; sites: ReponseAiguillage['operateurs'][number]['sites'] };

/** The operators, then the other orientations, of the answer the person was given. */
export function entreesDe(reponse: ReponseAiguillage): Entree[] {
  return [
    ...reponse.operateurs.map((o) => ({
      code: o.type,
      libelle: o.libelle,
      ...(o.recommande ? { precision: 'Conseillé pour cette personne' } : {}),
      sites: o.sites,
    })),
    ...reponse.autres_orientations.map((o) => ({ code: o.code, libelle: o.libelle, sites: o.sites })),
  ];
}

/** The place chosen, if any: its structure is the one the person may agree to share their file with. */
export function lieuChoisi(reponse: ReponseAiguillage, choix: ChoixEnCours) {
  return entreesDe(reponse)
    .find((e) => e.code === choix.operateur)
    ?.sites.find((s) => s.id === choix.site_id);
}

/** What the API receives: null when the person has not chosen yet. */
export function choixAEnvoyer(choix: ChoixEnCours) {
  return choix.operateur ? { operateur: choix.operateur, site_id: choix.site_id || null, note: choix.note.trim() || null } : null;
}

interface Props {
  reponse: ReponseAiguillage;
  choix: ChoixEnCours;
  onChange: (choix: ChoixEnCours) => void;
  erreur: ErreurApi | null;
  /** Distinguishes the fields when the form appears more than once on a page. */
  prefixe: string;
}

/** Which operator (or other orientation) the person chose among the answer, maybe one of its places, and a note. */
export function ChoixPersonne({ reponse, choix, onChange, erreur, prefixe }: Props) {
  const entree = entreesDe(reponse).find((e) => e.code === choix.operateur);
  const messageChoix = messageChamp(erreur, 'choix.operateur');
  const messageLieu = messageChamp(erreur, 'choix.site_id');
  const messageNote = messageChamp(erreur, 'choix.note');
  return (
    <>
      <RadioButtons
        legend="Le choix de la personne"
        hintText="La personne choisit parmi les conseillers de la réponse ; elle peut aussi choisir plus tard."
        name={`${prefixe}-operateur`}
        state={messageChoix ? 'error' : 'default'}
        stateRelatedMessage={messageChoix}
        options={[
          ...entreesDe(reponse).map((e) => ({
            label: e.libelle,
            ...(e.precision ? { hintText: e.precision } : {}),
            nativeInputProps: { value: e.code, checked: choix.operateur === e.code, onChange: () => onChange({ ...choix, operateur: e.code, site_id: '' }) },
          })),
          {
            label: 'La personne n’a pas encore choisi',
            nativeInputProps: { value: '', checked: choix.operateur === null, onChange: () => onChange(CHOIX_VIDE) },
          },
        ]}
      />
      {entree && entree.sites.length > 0 && (
        <Select
          label="Lieu d’accueil choisi (facultatif)"
          state={messageLieu ? 'error' : 'default'}
          stateRelatedMessage={messageLieu}
          nativeSelectProps={{ id: `${prefixe}-lieu`, value: choix.site_id, onChange: (e) => onChange({ ...choix, site_id: e.target.value }) }}
        >
          <option value="">Sans lieu précis</option>
          {entree.sites.map((s) => (
            <option key={s.id} value={s.id}>
              {s.nom} – {s.commune?.nom ?? s.adresse ?? ''} ({s.distance_km.toLocaleString('fr-FR', { maximumFractionDigits: 1 })} km)
            </option>
          ))}
        </Select>
      )}
      {entree && (
        <Input
          label="Note sur le choix (facultatif)"
          hintText="Par exemple : rendez-vous pris le 12 à 10 h."
          textArea
          state={messageNote ? 'error' : 'default'}
          stateRelatedMessage={messageNote}
          nativeTextAreaProps={{
            id: `${prefixe}-note`,
            rows: 2,
            maxLength: 1000,
            value: choix.note,
            onChange: (e) => onChange({ ...choix, note: e.target.value }),
          }}
        />
      )}
    </>
  );
}
