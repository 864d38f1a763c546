import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Checkbox } from '@codegouvfr/react-dsfr/Checkbox';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type FormEvent, useState } from 'react';
import {
  FINALITES,
  MODES_RECUEIL,
  type Finalite,
  type ModeRecueil,
  type Portee,
  texteConsentement,
} from '../../../../src/modules/consentement/consentement.contract.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import type { ProfilSaisi, ReponseAiguillage } from '../aiguillage/api.js';
import { messageChamp, useEnvoi } from '../gestion/envoi.js';
import { type DossierVue, type OuvertureSaisie, ouvrirDossier } from './api.js';
import { CHOIX_VIDE, type ChoixEnCours, ChoixPersonne, choixAEnvoyer, lieuChoisi } from './ChoixPersonne.js';
import { LIBELLES_FINALITES, LIBELLES_MODE_RECUEIL, LIBELLES_PARTIES, avecLibelles } from './libelles.js';

/** The parts the holder keeps: without them there is no file. */
const PARTIES_DOSSIER: Portee[] = ['identite', 'situation', 'orientation'];

interface Props {
  reponse: ReponseAiguillage;
  profil: ProfilSaisi;
  /** The structures the agent receives people for; the first is chosen by default. */
  structures: { id: string; nom: string }[];
  onOuvert: (dossier: DossierVue) => void;
}

/**
 * Opening the file of the person received: identity kept to what is needed, the person's consent
 * (what, to whom, why, how it was obtained) read to them in plain French, and their choice.
 */
export function FormulaireOuverture({ reponse, profil, structures, onOuvert }: Props) {
  const [structureId, setStructureId] = useState(structures[0]?.id ?? '');
  const [personne, setPersonne] = useState({ prenom: '', nom: '', telephone: '', courriel: '' });
  const [choix, setChoix] = useState<ChoixEnCours>(CHOIX_VIDE);
  const [finalite, setFinalite] = useState<Finalite>('accompagnement');
  const [precision, setPrecision] = useState('');
  const [mode, setMode] = useState<ModeRecueil>('oral_au_guichet');
  const [accord, setAccord] = useState(false);
  const [accordSensible, setAccordSensible] = useState(false);
  const [noteSensible, setNoteSensible] = useState('');
  const [partage, setPartage] = useState<Portee[]>([]);
  const [sansAccord, setSansAccord] = useState(false);
  const { enCours, erreur, envoyer } = useEnvoi();

  const detentrice = structures.find((s) => s.id === structureId) ?? structures[0];
  const sensible = profil.handicap_reconnu || profil.emploi_menace_sante;
  const lieu = lieuChoisi(reponse, choix);
  // Sharing is offered with the structure of the place chosen, when it is not the holder itself.
  const destinataire = lieu && lieu.structure.id !== detentrice?.id ? lieu.structure : null;
  const finalitePrecision = finalite === 'autre' ? precision.trim() || null : null;
  const consentements = detentrice
    ? [
        {
          portee: [...PARTIES_DOSSIER, ...(sensible && accordSensible ? (['donnees_sensibles'] as const) : [])],
          destinataire: { type: 'structure' as const, structure_id: detentrice.id },
          texte: { type: 'detentrice' as const },
        },
        ...(destinataire && partage.length > 0
          ? [
              {
                portee: partage,
                destinataire: { type: 'structure' as const, structure_id: destinataire.id },
                texte: { type: 'structure' as const, nom: destinataire.nom },
              },
            ]
          : []),
      ]
    : [];

  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    setSansAccord(!accord);
    if (!accord || !detentrice) return;
    const saisie: OuvertureSaisie = {
      structure_id: detentrice.id,
      personne: { prenom: personne.prenom, nom: personne.nom, telephone: personne.telephone.trim() || null, courriel: personne.courriel.trim() || null },
      profil,
      note_sensible: sensible && accordSensible ? noteSensible.trim() || null : null,
      consentements: consentements.map((c) => ({
        portee: c.portee,
        destinataire: c.destinataire,
        finalite,
        finalite_precision: finalitePrecision,
        mode_recueil: mode,
      })),
      choix: choixAEnvoyer(choix),
    };
    const dossier = await envoyer(() => ouvrirDossier(saisie), 'Le dossier est ouvert.');
    if (dossier) onOuvert(dossier);
  };

  const champPersonne = (cle: keyof typeof personne, label: string, options: { type?: string; autoComplete?: string; hint?: string } = {}) => {
    const message = messageChamp(erreur, `personne.${cle}`);
    return (
      <Input
        label={label}
        {...(options.hint ? { hintText: options.hint } : {})}
        state={message ? 'error' : 'default'}
        stateRelatedMessage={message}
        nativeInputProps={{
          id: `personne-${cle}`,
          type: options.type ?? 'text',
          autoComplete: options.autoComplete ?? 'off',
          value: personne[cle],
          onChange: (ev) => setPersonne((avant) => ({ ...avant, [cle]: ev.target.value })),
        }}
      />
    );
  };

  return (
    <form onSubmit={(e) => void soumettre(e)} noValidate aria-labelledby="titre-ouverture">
      <h2 id="titre-ouverture">Ouvrir un dossier</h2>
      {erreur && <AvisErreur erreur={avecLibelles(erreur)} titre="Le dossier n’a pas été ouvert" />}

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h4">La personne</legend>
        <div className="fr-fieldset__element">
          <p className="fr-text--sm">Seulement ce dont le dossier a besoin : ni numéro de sécurité sociale, ni date de naissance.</p>
          {structures.length > 1 && (
            <Select
              label="Structure qui détiendra le dossier"
              nativeSelectProps={{ id: 'structure-detentrice', value: structureId, onChange: (e) => setStructureId(e.target.value) }}
            >
              {structures.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.nom}
                </option>
              ))}
            </Select>
          )}
          {champPersonne('prenom', 'Prénom')}
          {champPersonne('nom', 'Nom')}
          {champPersonne('telephone', 'Téléphone (facultatif)', { type: 'tel', hint: 'Pour la rappeler, si elle le souhaite.' })}
          {champPersonne('courriel', 'Adresse électronique (facultatif)', { type: 'email' })}
        </div>
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h4">Son choix</legend>
        <div className="fr-fieldset__element">
          <ChoixPersonne reponse={reponse} choix={choix} onChange={setChoix} erreur={erreur} prefixe="ouverture" />
        </div>
      </fieldset>

      <fieldset className="fr-fieldset">
        <legend className="fr-fieldset__legend fr-h4">Son consentement</legend>
        <div className="fr-fieldset__element">
          <Select
            label="Pour quoi faire (finalité)"
            nativeSelectProps={{ id: 'finalite', value: finalite, onChange: (e) => setFinalite(e.target.value as Finalite) }}
          >
            {FINALITES.map((f) => (
              <option key={f} value={f}>
                {LIBELLES_FINALITES[f]}
              </option>
            ))}
          </Select>
          {finalite === 'autre' && (
            <Input
              label="Finalité, en quelques mots"
              hintText="Elle sera lue à la personne après « pour la finalité suivante : »."
              state={messageChamp(erreur, 'consentements') ? 'error' : 'default'}
              stateRelatedMessage={messageChamp(erreur, 'consentements')}
              nativeInputProps={{ id: 'finalite-precision', maxLength: 300, value: precision, onChange: (e) => setPrecision(e.target.value) }}
            />
          )}
          <RadioButtons
            legend="Comment l’accord est recueilli"
            name="mode-recueil"
            orientation="horizontal"
            options={MODES_RECUEIL.map((m) => ({
              label: LIBELLES_MODE_RECUEIL[m],
              nativeInputProps: { value: m, checked: mode === m, onChange: () => setMode(m) },
            }))}
          />
          {sensible && (
            <>
              <Checkbox
                legend="Santé ou handicap"
                hintText="La personne a déclaré un handicap reconnu ou un emploi menacé par sa santé. Cela n’est noté qu’avec son accord ; sinon, revenez au profil et répondez « non »."
                options={[
                  {
                    label: `La personne accepte que sa situation de santé ou de handicap soit notée, visible de ${detentrice?.nom ?? 'la structure'} seulement`,
                    nativeInputProps: { name: 'accord-sensible', checked: accordSensible, onChange: (e) => setAccordSensible(e.target.checked) },
                  },
                ]}
              />
              {accordSensible && (
                <Input
                  label="Précisions utiles à l’orientation (facultatif)"
                  hintText="Seulement ce qui sert à l’orienter : pas de diagnostic."
                  textArea
                  nativeTextAreaProps={{ id: 'note-sensible', rows: 2, maxLength: 1000, value: noteSensible, onChange: (e) => setNoteSensible(e.target.value) }}
                />
              )}
            </>
          )}
          {destinataire && (
            <Checkbox
              legend={`Partager avec ${destinataire.nom} (facultatif)`}
              hintText="Ce que la structure du lieu choisi pourra voir du dossier, si la personne l’accepte. La santé et le handicap ne se partagent jamais."
              options={PARTIES_DOSSIER.map((p) => ({
                label: LIBELLES_PARTIES[p],
                nativeInputProps: {
                  name: 'partage',
                  value: p,
                  checked: partage.includes(p),
                  onChange: (e) => setPartage((avant) => (e.target.checked ? [...avant, p] : avant.filter((x) => x !== p))),
                },
              }))}
            />
          )}
          <div className="fr-callout fr-mb-3w">
            <h3 className="fr-callout__title fr-h6">Texte à lire à la personne</h3>
            {detentrice &&
              consentements.map((c) => (
                <p key={c.destinataire.structure_id} className="fr-callout__text fr-text--md">
                  {texteConsentement({ portee: c.portee, detentrice: detentrice.nom, destinataire: c.texte, finalite, finalitePrecision })}
                </p>
              ))}
          </div>
          <Checkbox
            legend="Accord de la personne"
            state={sansAccord ? 'error' : 'default'}
            stateRelatedMessage={
              sansAccord ? 'Le dossier ne s’ouvre qu’avec l’accord de la personne : lisez-lui le texte, puis cochez si elle accepte.' : undefined
            }
            options={[
              {
                label: 'J’ai lu ce texte à la personne et elle accepte',
                nativeInputProps: { name: 'accord', checked: accord, onChange: (e) => setAccord(e.target.checked) },
              },
            ]}
          />
        </div>
      </fieldset>

      {sansAccord && !accord && <Alert severity="warning" small className="fr-mb-2w" description="Sans l’accord de la personne, rien n’est enregistré." />}
      <Button type="submit" iconId="fr-icon-folder-2-line" disabled={enCours}>
        {enCours ? 'Ouverture…' : 'Ouvrir le dossier'}
      </Button>
    </form>
  );
}
