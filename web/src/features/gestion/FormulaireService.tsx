import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type FormEvent, useEffect, useState } from 'react';
import type { Referentiels } from '../../api/types.js';
import { grouperThematiques } from '../annuaire/libelles.js';
import { type SaisieService, type ServiceGere, type StructureGeree, creerObjet, modifierObjet, supprimerObjet } from './api.js';
import { RetourEnvoi, messageChamp, useEnvoi } from './envoi.js';

const TEXTES = [
  'nom',
  'description',
  'type',
  'frais',
  'publics_precisions',
  'conditions_acces',
  'frais_precisions',
  'telephone',
  'courriel',
  'lien_mobilisation',
  'site_id',
] as const;
const LISTES = ['thematiques', 'publics', 'modes_accueil'] as const;
type Texte = (typeof TEXTES)[number];
type Liste = (typeof LISTES)[number];
type Etat = Record<Texte, string> & Record<Liste, string[]>;

const etatDe = (service: ServiceGere | undefined): Etat =>
  ({
    ...Object.fromEntries(TEXTES.map((c) => [c, service?.[c] ?? ''])),
    ...Object.fromEntries(LISTES.map((c) => [c, service?.[c] ?? []])),
  }) as Etat;

interface Props {
  structure: StructureGeree;
  referentiels: Referentiels;
  service?: ServiceGere;
  onEnregistree: (s: StructureGeree) => void;
  onRecharger: () => void;
}

/** A service: what it offers, to whom (data·inclusion themes and publics), where and how to reach it. */
export function FormulaireService({ structure, referentiels, service, onEnregistree, onRecharger }: Props) {
  const [etat, setEtat] = useState(() => etatDe(service));
  const { enCours, erreur, succes, envoyer } = useEnvoi();
  // A save answers the record anew: the form takes its values (and version) from it.
  // Only a new record or a new version resets the form, not a parent re-render with an equal record.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setEtat(etatDe(service)), [service?.id, service?.version]);
  const suffixe = service ? service.id : 'nouveau';

  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    const resultat = await envoyer(
      async () => {
        if (!service) {
          const saisie = { ...etat, site_id: etat.site_id || null } as SaisieService;
          return creerObjet(structure.id, 'services', saisie);
        }
        const avant = etatDe(service);
        const modifies = Object.fromEntries(
          [...TEXTES, ...LISTES]
            .filter((c) => JSON.stringify(etat[c]) !== JSON.stringify(avant[c]))
            .map((c) => [c, c === 'site_id' ? etat.site_id || null : etat[c]]),
        );
        return modifierObjet(structure.id, 'services', service.id, { version: service.version, ...modifies });
      },
      service ? 'Le service est enregistré.' : 'Le service est ajouté.',
    );
    if (resultat) {
      onEnregistree(resultat);
      if (!service) setEtat(etatDe(undefined));
    }
  };

  const supprimer = async () => {
    if (!service || !window.confirm(`Supprimer le service « ${service.nom} » ?`)) return;
    const resultat = await envoyer(() => supprimerObjet(structure.id, 'services', service.id, service.version), 'Le service est supprimé.');
    if (resultat) onEnregistree(resultat);
  };

  const etatChamp = (c: string) => {
    const message = messageChamp(erreur, c);
    return { state: message ? ('error' as const) : ('default' as const), stateRelatedMessage: message };
  };
  const changer = (c: Texte, v: string) => setEtat((avant) => ({ ...avant, [c]: v }));
  const texte = (c: Texte, label: string, options: { hint?: string; type?: string; textArea?: boolean } = {}) =>
    options.textArea ? (
      <Input
        {...etatChamp(c)}
        label={label}
        hintText={options.hint}
        textArea
        nativeTextAreaProps={{ id: `${c}-${suffixe}`, value: etat[c], rows: 4, onChange: (e) => changer(c, e.target.value) }}
      />
    ) : (
      <Input
        {...etatChamp(c)}
        label={label}
        hintText={options.hint}
        nativeInputProps={{ id: `${c}-${suffixe}`, type: options.type ?? 'text', value: etat[c], onChange: (e) => changer(c, e.target.value) }}
      />
    );
  const cases = (c: Liste, options: { valeur: string; libelle: string }[], legende?: string) => (
    <Checkbox
      {...etatChamp(c)}
      legend={legende}
      small
      options={options.map((o) => ({
        label: o.libelle,
        nativeInputProps: {
          name: `${c}-${suffixe}`,
          value: o.valeur,
          checked: etat[c].includes(o.valeur),
          onChange: (e) => setEtat((avant) => ({ ...avant, [c]: e.target.checked ? [...avant[c], o.valeur] : avant[c].filter((v) => v !== o.valeur) })),
        },
      }))}
    />
  );

  return (
    <form onSubmit={(e) => void soumettre(e)} noValidate aria-label={service ? `Service ${service.nom}` : 'Nouveau service'}>
      <RetourEnvoi erreur={erreur} succes={succes} onRecharger={onRecharger} />
      {texte('nom', 'Nom du service')}
      {texte('description', 'Description', { hint: 'Ce que la personne y trouve, en quelques phrases (10 caractères au moins).', textArea: true })}
      <Select
        {...etatChamp('type')}
        label="Type de service"
        nativeSelectProps={{ id: `type-${suffixe}`, value: etat.type, onChange: (e) => changer('type', e.target.value) }}
      >
        <option value="">Non précisé</option>
        {referentiels.types_services.map((t) => (
          <option key={t.valeur} value={t.valeur}>
            {t.libelle}
          </option>
        ))}
      </Select>
      <fieldset className="fr-fieldset" aria-describedby={messageChamp(erreur, 'thematiques') ? `erreur-thematiques-${suffixe}` : undefined}>
        <legend className="fr-fieldset__legend">Thématiques (au moins une)</legend>
        {messageChamp(erreur, 'thematiques') && (
          <p id={`erreur-thematiques-${suffixe}`} className="fr-message fr-message--error fr-fieldset__element">
            {messageChamp(erreur, 'thematiques')}
          </p>
        )}
        <div className="fr-fieldset__element">
          {grouperThematiques(referentiels).map((g) => {
            const cochees = g.thematiques.filter((t) => etat.thematiques.includes(t.valeur)).length;
            return (
              <Accordion key={g.famille} label={`${g.libelle}${cochees ? ` (${cochees} cochée${cochees > 1 ? 's' : ''})` : ''}`}>
                {cases('thematiques', g.thematiques, g.libelle)}
              </Accordion>
            );
          })}
        </div>
      </fieldset>
      {cases('publics', referentiels.publics, 'Publics (au moins un)')}
      {texte('publics_precisions', 'Précisions sur les publics', { textArea: true })}
      {texte('conditions_acces', 'Conditions d’accès', { textArea: true })}
      <Select
        {...etatChamp('frais')}
        label="Frais"
        nativeSelectProps={{ id: `frais-${suffixe}`, value: etat.frais, onChange: (e) => changer('frais', e.target.value) }}
      >
        <option value="">Non précisé</option>
        <option value="gratuit">Gratuit</option>
        <option value="payant">Payant</option>
      </Select>
      {texte('frais_precisions', 'Précisions sur les frais')}
      {cases('modes_accueil', referentiels.modes_accueil, 'Modes d’accueil')}
      <Select
        {...etatChamp('site_id')}
        label="Lieu où le service est rendu"
        nativeSelectProps={{ id: `site-${suffixe}`, value: etat.site_id, onChange: (e) => changer('site_id', e.target.value) }}
      >
        <option value="">À distance seulement (aucun lieu)</option>
        {structure.sites.map((s) => (
          <option key={s.id} value={s.id}>
            {s.nom}
          </option>
        ))}
      </Select>
      {texte('telephone', 'Téléphone du service', { type: 'tel' })}
      {texte('courriel', 'Adresse électronique du service', { type: 'email' })}
      {texte('lien_mobilisation', 'Lien pour s’inscrire ou prendre contact', { type: 'url', hint: 'Adresse complète, commençant par https://' })}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="submit" disabled={enCours}>
            {enCours ? 'Enregistrement…' : service ? 'Enregistrer le service' : 'Ajouter le service'}
          </Button>
        </li>
        {service && (
          <li>
            <Button type="button" priority="secondary" disabled={enCours} onClick={() => void supprimer()}>
              Supprimer le service
            </Button>
          </li>
        )}
      </ul>
    </form>
  );
}
