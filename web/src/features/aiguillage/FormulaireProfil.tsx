import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { ErreurApi } from '../../api/client.js';
import { ChampCommune, type ValeurCommune, useCommuneSaisie } from '../annuaire/ChampCommune.js';
import { enErreurApi } from '../identite/navigation.js';
import { type ProfilSaisi, type ReponseAiguillage, type Situation, aiguiller } from './api.js';
import { NIVEAUX_SAISIE, SITUATIONS_SAISIE } from './libelles.js';

/** The answers while they are being given; null: not answered yet. */
export interface Reponses {
  age: string;
  situation: Situation | null;
  cadre: boolean | null;
  niveau: number | null;
  handicap: boolean | null;
  sante: boolean | null;
  commune: ValeurCommune;
}

export const REPONSES_VIDES: Reponses = {
  age: '',
  situation: null,
  cadre: null,
  niveau: null,
  handicap: null,
  sante: null,
  commune: { texte: '', code: null },
};

type Etape = 'age' | 'situation' | 'cadre' | 'diplome' | 'handicap' | 'sante' | 'commune';

const EN_EMPLOI: Situation[] = ['salarie_prive', 'salarie_public', 'independant'];

/**
 * The questions to ask. A question whose answer the situation already gives is skipped: a pupil
 * or student is not a manager, and nobody's job is at risk without a job. Fewer questions, and
 * nothing asked that the answer cannot use.
 */
function etapesPour(situation: Situation | null): Etape[] {
  return [
    'age',
    'situation',
    ...(situation === 'eleve_etudiant' ? [] : (['cadre'] as const)),
    'diplome',
    'handicap',
    ...(situation && EN_EMPLOI.includes(situation) ? (['sante'] as const) : []),
    'commune',
  ];
}

const TITRES: Record<Etape, string> = {
  age: 'Votre âge',
  situation: 'Votre situation',
  cadre: 'Votre statut',
  diplome: 'Votre diplôme',
  handicap: 'Handicap',
  sante: 'Santé et emploi',
  commune: 'Votre commune',
};

// Fields of the API named in its errors, in the words of the form.
const CHAMPS: Record<string, string> = {
  age: 'Votre âge',
  date_naissance: 'Votre date de naissance',
  situation: 'Votre situation',
  cadre: 'Statut de cadre',
  niveau_diplome: 'Votre diplôme',
  handicap_reconnu: 'Handicap',
  emploi_menace_sante: 'Santé et emploi',
  commune: 'Votre commune',
};

const ouiNon = (nom: string, valeur: boolean | null, choisir: (v: boolean) => void) =>
  [true, false].map((v) => ({
    label: v ? 'Oui' : 'Non',
    nativeInputProps: { name: nom, value: v ? 'oui' : 'non', checked: valeur === v, onChange: () => choisir(v) },
  }));

interface Props {
  reponses: Reponses;
  onChange: (reponses: Reponses) => void;
  /** The answer, with the profile it was computed from (what an agent keeps in a file). */
  onResultat: (reponse: ReponseAiguillage, profil: ProfilSaisi) => void;
  /** The routing call: the public one by default; an agent receiving a person calls its own. */
  aiguiller?: (profil: ProfilSaisi) => Promise<ReponseAiguillage>;
}

/** The short profile, one question per screen, then the call to the routing API. */
export function FormulaireProfil({ reponses, onChange, onResultat, aiguiller: calculer = aiguiller }: Props) {
  const [index, setIndex] = useState(0);
  const [erreur, setErreur] = useState<string | null>(null);
  const [erreurApi, setErreurApi] = useState<ErreurApi | null>(null);
  const [envoi, setEnvoi] = useState(false);
  const haut = useRef<HTMLDivElement>(null);
  const premierAffichage = useRef(true);
  const commune = useCommuneSaisie(reponses.commune);

  const etapes = etapesPour(reponses.situation);
  const etape = etapes[Math.min(index, etapes.length - 1)]!;
  const derniere = index >= etapes.length - 1;
  const modifier = (m: Partial<Reponses>) => {
    setErreur(null);
    onChange({ ...reponses, ...m });
  };

  useEffect(() => {
    // Each new question is announced from its step title, as a new page would be.
    if (premierAffichage.current) {
      premierAffichage.current = false;
      return;
    }
    haut.current?.focus();
  }, [index]);

  function probleme(): string | null {
    switch (etape) {
      case 'age': {
        const age = Number(reponses.age.trim());
        return /^\d{1,3}$/.test(reponses.age.trim()) && age >= 1 && age <= 120 ? null : 'Indiquez votre âge en années, par exemple 34.';
      }
      case 'situation':
        return reponses.situation ? null : 'Choisissez la situation qui vous correspond le mieux.';
      case 'cadre':
        return reponses.cadre === null ? 'Répondez par oui ou par non.' : null;
      case 'diplome':
        return reponses.niveau === null ? 'Choisissez votre diplôme le plus élevé.' : null;
      case 'handicap':
        return reponses.handicap === null ? 'Répondez par oui ou par non.' : null;
      case 'sante':
        return reponses.sante === null ? 'Répondez par oui ou par non.' : null;
      case 'commune':
        return null;
    }
  }

  async function envoyer() {
    const code = await commune.codeAEnvoyer();
    if (!code) {
      if (code === null) setErreur('Indiquez votre commune : saisissez son nom ou son code postal, puis choisissez-la dans la liste.');
      return;
    }
    const situation = reponses.situation!;
    const profil: ProfilSaisi = {
      age: Number(reponses.age.trim()),
      situation,
      cadre: situation === 'eleve_etudiant' ? false : reponses.cadre!,
      niveau_diplome: reponses.niveau!,
      handicap_reconnu: reponses.handicap!,
      emploi_menace_sante: EN_EMPLOI.includes(situation) ? reponses.sante! : false,
      commune: code,
    };
    setEnvoi(true);
    setErreurApi(null);
    try {
      onResultat(await calculer(profil), profil);
    } catch (e) {
      setErreurApi(enErreurApi(e));
    } finally {
      setEnvoi(false);
    }
  }

  const suivant = (e: FormEvent) => {
    e.preventDefault();
    const p = probleme();
    if (p) {
      setErreur(p);
      return;
    }
    if (derniere) void envoyer();
    else setIndex(index + 1);
  };

  const etatErreur = erreur ? { state: 'error' as const, stateRelatedMessage: erreur } : {};
  const questions: Record<Etape, ReactNode> = {
    age: (
      <Input
        label={<span className="fr-h4">Quel âge avez-vous ?</span>}
        hintText="En années. Les conseillers qui peuvent vous accompagner dépendent de votre âge."
        {...etatErreur}
        nativeInputProps={{
          name: 'age',
          inputMode: 'numeric',
          autoComplete: 'off',
          value: reponses.age,
          onChange: (e) => modifier({ age: e.target.value }),
        }}
      />
    ),
    situation: (
      <RadioButtons
        legend={<span className="fr-h4">Quelle est votre situation aujourd’hui ?</span>}
        name="situation"
        {...etatErreur}
        options={SITUATIONS_SAISIE.map((s) => ({
          label: s.libelle,
          ...(s.precision ? { hintText: s.precision } : {}),
          nativeInputProps: { value: s.valeur, checked: reponses.situation === s.valeur, onChange: () => modifier({ situation: s.valeur }) },
        }))}
      />
    ),
    cadre: (
      <RadioButtons
        legend={<span className="fr-h4">Êtes-vous cadre ?</span>}
        hintText="Ou l’étiez-vous dans votre dernier emploi. Le statut de cadre figure sur le contrat de travail et le bulletin de salaire."
        orientation="horizontal"
        {...etatErreur}
        options={ouiNon('cadre', reponses.cadre, (v) => modifier({ cadre: v }))}
      />
    ),
    diplome: (
      <RadioButtons
        legend={<span className="fr-h4">Quel est votre diplôme le plus élevé ?</span>}
        name="diplome"
        {...etatErreur}
        options={NIVEAUX_SAISIE.map((n) => ({
          label: n.libelle,
          nativeInputProps: { value: String(n.valeur), checked: reponses.niveau === n.valeur, onChange: () => modifier({ niveau: n.valeur }) },
        }))}
      />
    ),
    handicap: (
      <RadioButtons
        legend={<span className="fr-h4">Votre handicap est-il reconnu ?</span>}
        hintText="Par exemple une reconnaissance de la qualité de travailleur handicapé (RQTH), une pension d’invalidité ou l’allocation aux adultes handicapés (AAH)."
        orientation="horizontal"
        {...etatErreur}
        options={ouiNon('handicap', reponses.handicap, (v) => modifier({ handicap: v }))}
      />
    ),
    sante: (
      <RadioButtons
        legend={<span className="fr-h4">Votre état de santé menace-t-il votre emploi ?</span>}
        hintText="Par exemple si le médecin du travail envisage une inaptitude, ou si vous ne pouvez plus tenir votre poste."
        orientation="horizontal"
        {...etatErreur}
        options={ouiNon('sante', reponses.sante, (v) => modifier({ sante: v }))}
      />
    ),
    commune: (
      <ChampCommune
        label="Dans quelle commune habitez-vous ?"
        valeur={commune.commune}
        onChange={(v) => {
          commune.choisir(v);
          modifier({ commune: v });
        }}
        erreur={commune.erreurCommune ?? erreur}
      />
    ),
  };

  return (
    <form onSubmit={suivant} noValidate>
      <div ref={haut} tabIndex={-1} className="trj-principal">
        <Stepper currentStep={index + 1} stepCount={etapes.length} title={TITRES[etape]} {...(derniere ? {} : { nextTitle: TITRES[etapes[index + 1]!] })} />
      </div>
      {questions[etape]}
      {erreurApi && (
        <Alert
          severity="error"
          as="h2"
          title="La recherche n’a pas abouti"
          role="alert"
          className="fr-mb-3w"
          description={
            <>
              {erreurApi.message}
              {erreurApi.champs.length > 0 && (
                <ul className="fr-mt-1w">
                  {erreurApi.champs.map((c, i) => (
                    <li key={i}>
                      {CHAMPS[c.chemin] ?? c.chemin} : {c.message}
                    </li>
                  ))}
                </ul>
              )}
            </>
          }
        />
      )}
      <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left">
        {index > 0 && (
          <li>
            <Button type="button" priority="secondary" iconId="fr-icon-arrow-left-line" onClick={() => setIndex(index - 1)}>
              Précédent
            </Button>
          </li>
        )}
        <li>
          <Button type="submit" iconId={derniere ? 'fr-icon-search-line' : 'fr-icon-arrow-right-line'} disabled={envoi || commune.envoi}>
            {derniere ? 'Voir mes conseillers' : 'Suivant'}
          </Button>
        </li>
      </ul>
    </form>
  );
}
