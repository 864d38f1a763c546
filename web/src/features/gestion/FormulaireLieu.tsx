import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useEffect, useState } from 'react';
import { ChampCommune, useCommuneSaisie } from '../annuaire/ChampCommune.js';
import { CANAUX, type Canal } from '../annuaire/libelles.js';
import { type LieuGere, type SaisieLieu, type StructureGeree, creerObjet, modifierObjet, supprimerObjet } from './api.js';
import { EditeurHoraires, horairesDe, semaineDe } from './EditeurHoraires.js';
import { RetourEnvoi, messageChamp, useEnvoi } from './envoi.js';

const TEXTES = ['nom', 'adresse', 'code_postal', 'accessibilite', 'telephone', 'courriel', 'site_web', 'prise_rdv'] as const;
type Texte = (typeof TEXTES)[number];

function etatDe(lieu: LieuGere | undefined) {
  return {
    textes: Object.fromEntries(TEXTES.map((c) => [c, lieu?.[c] ?? ''])) as Record<Texte, string>,
    semaine: semaineDe(lieu?.horaires ?? null),
    canaux: (lieu?.canaux ?? ['sur_place']).filter(estSaisissable),
    accueilPublic: lieu?.accueil_public ?? true,
  };
}

const CANAUX_SAISISSABLES = Object.keys(CANAUX) as Canal[];
// A channel the form cannot offer (from an import) would make the save fail validation: it is left out.
const estSaisissable = (canal: string): canal is Canal => canal in CANAUX;

const pareil = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

interface Props {
  structure: StructureGeree;
  /** The place to edit; none to add one. */
  lieu?: LieuGere;
  onEnregistree: (s: StructureGeree) => void;
  onRecharger: () => void;
}

/** A place: address, commune, opening hours, ways to reach it. An existing place sends only what changed. */
export function FormulaireLieu({ structure, lieu, onEnregistree, onRecharger }: Props) {
  const [etat, setEtat] = useState(() => etatDe(lieu));
  const commune = useCommuneSaisie({ texte: lieu?.commune?.nom ?? '', code: lieu?.commune?.code ?? null });
  const { enCours, erreur, succes, envoyer } = useEnvoi();
  // A save answers the record anew: the form takes its values (and version) from it.
  // Only a new record or a new version resets the form, not a parent re-render with an equal record.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => setEtat(etatDe(lieu)), [lieu?.id, lieu?.version]);
  const suffixe = lieu ? `-${lieu.id}` : '-nouveau';
  const { horaires, jourDeLEntree } = horairesDe(etat.semaine);

  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    const code = await commune.codeAEnvoyer();
    if (code === undefined) return;
    const complet: SaisieLieu = {
      ...etat.textes,
      commune_code: code ?? '',
      horaires,
      canaux: etat.canaux,
      accueil_public: etat.accueilPublic,
    };
    const resultat = await envoyer(
      async () => {
        if (!lieu) return creerObjet(structure.id, 'sites', complet);
        const avant = etatDe(lieu);
        const modifies: Partial<SaisieLieu> = {};
        for (const c of TEXTES) if (etat.textes[c] !== avant.textes[c]) modifies[c] = etat.textes[c];
        if (code !== (lieu.commune?.code ?? null)) modifies.commune_code = code ?? '';
        if (!pareil(horaires, horairesDe(avant.semaine).horaires)) modifies.horaires = horaires;
        if (!pareil(etat.canaux, avant.canaux)) modifies.canaux = etat.canaux;
        if (etat.accueilPublic !== avant.accueilPublic) modifies.accueil_public = etat.accueilPublic;
        return modifierObjet(structure.id, 'sites', lieu.id, { version: lieu.version, ...modifies });
      },
      lieu ? 'Le lieu est enregistré.' : 'Le lieu est ajouté.',
    );
    if (resultat) {
      onEnregistree(resultat);
      if (!lieu) {
        setEtat(etatDe(undefined));
        commune.choisir({ texte: '', code: null });
      }
    }
  };

  const supprimer = async () => {
    if (!lieu || !window.confirm(`Supprimer le lieu « ${lieu.nom} » ?`)) return;
    const resultat = await envoyer(() => supprimerObjet(structure.id, 'sites', lieu.id, lieu.version), 'Le lieu est supprimé.');
    if (resultat) onEnregistree(resultat);
  };

  const texte = (c: Texte, label: string, options: { hint?: string; type?: string; textArea?: boolean } = {}) => {
    const message = messageChamp(erreur, c);
    const commun = { label, hintText: options.hint, state: message ? ('error' as const) : ('default' as const), stateRelatedMessage: message };
    const changer = (v: string) => setEtat((avant) => ({ ...avant, textes: { ...avant.textes, [c]: v } }));
    return options.textArea ? (
      <Input {...commun} textArea nativeTextAreaProps={{ id: `${c}${suffixe}`, value: etat.textes[c], rows: 3, onChange: (e) => changer(e.target.value) }} />
    ) : (
      <Input
        {...commun}
        nativeInputProps={{ id: `${c}${suffixe}`, type: options.type ?? 'text', value: etat.textes[c], onChange: (e) => changer(e.target.value) }}
      />
    );
  };

  const erreursJours = Array.from({ length: 7 }, (_, jour) => {
    const entree = jourDeLEntree.indexOf(jour);
    return entree === -1 ? undefined : messageChamp(erreur, `horaires.${entree}`);
  });

  return (
    <form onSubmit={(e) => void soumettre(e)} noValidate aria-label={lieu ? `Lieu ${lieu.nom}` : 'Nouveau lieu'}>
      <RetourEnvoi erreur={erreur} succes={succes} onRecharger={onRecharger} />
      {texte('nom', 'Nom du lieu')}
      {texte('adresse', 'Adresse', { hint: 'Numéro et voie, complément' })}
      {texte('code_postal', 'Code postal', { hint: '5 chiffres' })}
      <ChampCommune
        label="Commune"
        valeur={commune.commune}
        onChange={commune.choisir}
        erreur={commune.erreurCommune ?? messageChamp(erreur, 'commune_code')}
      />
      <EditeurHoraires semaine={etat.semaine} onChange={(semaine) => setEtat((avant) => ({ ...avant, semaine }))} erreurs={erreursJours} />
      <Checkbox
        legend="Canaux d’accueil"
        state={messageChamp(erreur, 'canaux') ? 'error' : 'default'}
        stateRelatedMessage={messageChamp(erreur, 'canaux')}
        options={CANAUX_SAISISSABLES.map((valeur) => ({
          label: CANAUX[valeur],
          nativeInputProps: {
            name: `canaux${suffixe}`,
            value: valeur,
            checked: etat.canaux.includes(valeur),
            onChange: (e) =>
              setEtat((avant) => ({ ...avant, canaux: e.target.checked ? [...avant.canaux, valeur] : avant.canaux.filter((v) => v !== valeur) })),
          },
        }))}
      />
      <Checkbox
        options={[
          {
            label: 'Ce lieu accueille du public',
            hintText: 'Décochez pour un lieu de gestion sans accueil (direction, siège).',
            nativeInputProps: { checked: etat.accueilPublic, onChange: (e) => setEtat((avant) => ({ ...avant, accueilPublic: e.target.checked })) },
          },
        ]}
      />
      {texte('accessibilite', 'Accessibilité', { hint: 'Accès de plain-pied, boucle magnétique, lien Accèslibre…', textArea: true })}
      {texte('telephone', 'Téléphone du lieu', { type: 'tel' })}
      {texte('courriel', 'Adresse électronique du lieu', { type: 'email' })}
      {texte('site_web', 'Page internet du lieu', { type: 'url', hint: 'Adresse complète, commençant par https://' })}
      {texte('prise_rdv', 'Prise de rendez-vous', { hint: 'Comment prendre rendez-vous, ou le lien de réservation' })}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="submit" disabled={enCours || commune.envoi}>
            {enCours ? 'Enregistrement…' : lieu ? 'Enregistrer le lieu' : 'Ajouter le lieu'}
          </Button>
        </li>
        {lieu && (
          <li>
            <Button type="button" priority="secondary" disabled={enCours} onClick={() => void supprimer()}>
              Supprimer le lieu
            </Button>
          </li>
        )}
      </ul>
    </form>
  );
}
