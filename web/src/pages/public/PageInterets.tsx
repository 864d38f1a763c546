import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { RadioButtons } from '@codegouvfr/react-dsfr/RadioButtons';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { ErreurApi } from '../../api/client.js';
import { type InteretsReponse, lireQuestionnaire, noterInterets, type Questionnaire } from '../../api/metiers.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Chargement } from '../../components/Chargement.js';
import { useDonnees } from '../../components/useDonnees.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import { enErreurApi } from '../../features/identite/navigation.js';
import { ResultatInterets } from '../../features/metiers/ResultatInterets.js';
import { URL_METIERS } from '../../features/metiers/urls.js';
import { useEtatSession } from '../../features/metiers/useEtatSession.js';

const CLE_SESSION = 'trajectoires.metiers.interets';

interface EtatInterets {
  reponses: Record<string, number>;
  resultat: InteretsReponse | null;
}

const estEtatInterets = (v: unknown): v is EtatInterets => {
  const e = v as EtatInterets | null;
  return !!e && typeof e.reponses === 'object' && e.reponses !== null && (e.resultat === null || Array.isArray(e.resultat?.familles));
};

function Formulaire({ questionnaire }: { questionnaire: Questionnaire }) {
  const [etat, setEtat] = useEtatSession<EtatInterets>(CLE_SESSION, { reponses: {}, resultat: null }, estEtatInterets);
  const [manquants, setManquants] = useState<string[]>([]);
  const [envoi, setEnvoi] = useState<{ statut: 'repos' } | { statut: 'chargement' } | { statut: 'erreur'; erreur: ErreurApi }>({ statut: 'repos' });
  const titreResultat = useRef<HTMLHeadingElement>(null);
  const doitFocaliser = useRef(false);
  const { reponses, resultat } = etat;

  useEffect(() => {
    if (resultat && doitFocaliser.current) {
      doitFocaliser.current = false;
      titreResultat.current?.focus();
    }
  }, [resultat]);

  const repondre = (item: string, valeur: number) => {
    setEtat((avant) => ({ reponses: { ...avant.reponses, [item]: valeur }, resultat: null }));
    setManquants((m) => m.filter((i) => i !== item));
  };

  const envoyer = async (e: FormEvent) => {
    e.preventDefault();
    const sansReponse = questionnaire.items.filter((i) => reponses[i.id] === undefined).map((i) => i.id);
    setManquants(sansReponse);
    if (sansReponse.length > 0) {
      document.querySelector<HTMLInputElement>(`input[name="${sansReponse[0]}"]`)?.focus();
      return;
    }
    setEnvoi({ statut: 'chargement' });
    try {
      const r = await noterInterets({ reponses: questionnaire.items.map((i) => ({ item: i.id, valeur: reponses[i.id]! })) });
      doitFocaliser.current = true;
      setEtat((avant) => ({ ...avant, resultat: r }));
      setEnvoi({ statut: 'repos' });
    } catch (erreur) {
      setEnvoi({ statut: 'erreur', erreur: enErreurApi(erreur) });
    }
  };

  const repondues = questionnaire.items.filter((i) => reponses[i.id] !== undefined).length;
  return (
    <>
      <form onSubmit={(e) => void envoyer(e)} noValidate aria-labelledby="titre-questionnaire">
        <h2 id="titre-questionnaire">Le questionnaire ({questionnaire.items.length} phrases)</h2>
        <p>{questionnaire.consigne}</p>
        {/* The number is said once, in each legend: a bare list, not a numbered one read out a second time. */}
        <ul className="trj-liste-nue trj-questionnaire">
          {questionnaire.items.map((item, n) => (
            <li key={item.id}>
              <RadioButtons
                name={item.id}
                legend={`${n + 1}. ${item.texte}`}
                orientation="horizontal"
                small
                state={manquants.includes(item.id) ? 'error' : 'default'}
                // DSFR keeps the message in the page whatever the state: given only while the sentence lacks an answer.
                stateRelatedMessage={manquants.includes(item.id) ? 'Choisissez une réponse pour cette phrase.' : undefined}
                options={questionnaire.echelle.map((e) => ({
                  label: e.libelle,
                  nativeInputProps: { value: String(e.valeur), checked: reponses[item.id] === e.valeur, onChange: () => repondre(item.id, e.valeur) },
                }))}
              />
            </li>
          ))}
        </ul>
        {manquants.length > 0 && (
          <Alert
            className="fr-mb-3w"
            severity="error"
            small
            role="alert"
            description={`Il reste ${manquants.length} phrase${manquants.length > 1 ? 's' : ''} sans réponse, signalée${manquants.length > 1 ? 's' : ''} en rouge : répondez-y puis validez.`}
          />
        )}
        <p className="fr-text--sm">
          {repondues} réponse{repondues > 1 ? 's' : ''} sur {questionnaire.items.length}.
        </p>
        <Button type="submit" disabled={envoi.statut === 'chargement'}>
          Voir les familles de métiers
        </Button>
      </form>
      {envoi.statut === 'chargement' && <Chargement texte="Calcul de votre profil d’intérêts…" />}
      {envoi.statut === 'erreur' && <AvisErreur erreur={envoi.erreur} titre="Vos réponses n’ont pas pu être prises en compte" />}
      {resultat && <ResultatInterets resultat={resultat} titreRef={titreResultat} />}
    </>
  );
}

/** "Mes centres d’intérêt": the RIASEC questionnaire, then families of occupations to explore. */
export function PageInterets() {
  useTitrePage('Mes centres d’intérêt');
  const questionnaire = useDonnees((signal) => lireQuestionnaire(signal), []);
  return (
    <div className="fr-container fr-pb-6w">
      <Breadcrumb
        currentPageLabel="Mes centres d’intérêt"
        homeLinkProps={{ href: '/' }}
        segments={[{ label: 'Rechercher un métier', linkProps: { href: URL_METIERS } }]}
      />
      <h1>Mes centres d’intérêt</h1>
      <p className="fr-text--lead">
        Ce que vous aimez faire, en quelques minutes : des familles de métiers à explorer, à partir des six types d’intérêts professionnels que le répertoire
        des métiers associe à chaque fiche. Rien n’est enregistré.
      </p>
      {questionnaire.statut === 'chargement' && <Chargement texte="Chargement du questionnaire…" />}
      {questionnaire.statut === 'erreur' && <AvisErreur erreur={questionnaire.erreur} titre="Le questionnaire n’a pas pu être chargé" />}
      {questionnaire.statut === 'pret' && <Formulaire questionnaire={questionnaire.donnees} />}
    </div>
  );
}
