import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import type { ErreurApi } from '../../api/client.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import { enErreurApi } from '../identite/navigation.js';

/** The state of a form's submission: in progress, the API's error (fields included), a success notice. */
export function useEnvoi() {
  const [enCours, setEnCours] = useState(false);
  const [erreur, setErreur] = useState<ErreurApi | null>(null);
  const [succes, setSucces] = useState<string | null>(null);
  const envoyer = async <T,>(action: () => Promise<T>, messageSucces: string): Promise<T | undefined> => {
    setEnCours(true);
    setErreur(null);
    setSucces(null);
    try {
      const resultat = await action();
      setSucces(messageSucces);
      return resultat;
    } catch (e) {
      setErreur(enErreurApi(e));
      return undefined;
    } finally {
      setEnCours(false);
    }
  };
  return { enCours, erreur, succes, envoyer };
}

/** What a field's error message is, as the API named it (`horaires.0.plages` names a part of the hours). */
export function messageChamp(erreur: ErreurApi | null, chemin: string): string | undefined {
  const messages = erreur?.champs.filter((c) => c.chemin === chemin || c.chemin.startsWith(`${chemin}.`)).map((c) => c.message) ?? [];
  return messages.length ? [...new Set(messages)].join(' ; ') : undefined;
}

/**
 * The outcome of a submission above its form: the success, the error with each field, or, when
 * someone else changed the record meanwhile (412), what to do and a button to reload it.
 */
export function RetourEnvoi({ erreur, succes, onRecharger }: { erreur: ErreurApi | null; succes: string | null; onRecharger: () => void }) {
  if (erreur?.statut === 412) {
    return (
      <Alert
        className="fr-my-2w"
        severity="warning"
        as="h3"
        title="Fiche modifiée entre-temps"
        role="alert"
        description={
          <>
            <p className="fr-mb-1w">{erreur.message}</p>
            <Button priority="secondary" size="small" type="button" onClick={onRecharger}>
              Recharger la fiche
            </Button>
          </>
        }
      />
    );
  }
  if (erreur) return <AvisErreur erreur={erreur} titre="L’enregistrement n’a pas abouti" as="h3" />;
  if (succes) return <Alert className="fr-my-2w" severity="success" as="h3" small description={succes} role="status" />;
  return null;
}
