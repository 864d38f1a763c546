import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import type { ErreurApi } from '../../api/client.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import { ChampCode } from './ChampCode.js';
import { enErreurApi, messageDuChamp, sansChamps } from './navigation.js';
import { validerSecondFacteur } from './secondFacteur.js';

/**
 * Second step of the sign-in: the code of the authenticator app, or one of the recovery codes
 * for whoever no longer has their phone (`onValide` then learns how many are left). The heading
 * takes the focus when the step appears.
 */
export function FormulaireSecondFacteur({ onValide }: { onValide: (codesRecuperationRestants: number | null) => Promise<void> }) {
  const [recuperation, setRecuperation] = useState(false);
  const [valeur, setValeur] = useState('');
  const [envoi, setEnvoi] = useState(false);
  const [erreur, setErreur] = useState<ErreurApi | null>(null);
  const titre = useRef<HTMLHeadingElement>(null);

  useEffect(() => titre.current?.focus(), []);

  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    setEnvoi(true);
    setErreur(null);
    try {
      const { codes_recuperation_restants } = await validerSecondFacteur(recuperation ? { code_recuperation: valeur } : { code: valeur });
      await onValide(recuperation ? codes_recuperation_restants : null);
    } catch (err) {
      setErreur(enErreurApi(err));
      setEnvoi(false);
    }
  };

  const basculer = () => {
    setRecuperation((r) => !r);
    setValeur('');
    setErreur(null);
  };

  const erreurChamp = messageDuChamp(erreur, recuperation ? 'code_recuperation' : 'code');
  return (
    <form onSubmit={(e) => void soumettre(e)} noValidate aria-labelledby="titre-second-facteur">
      <h2 id="titre-second-facteur" className="fr-h4" tabIndex={-1} ref={titre}>
        Second facteur d’authentification
      </h2>
      <p>
        {recuperation
          ? 'Saisissez l’un des codes de récupération remis lors de la configuration. Chaque code ne sert qu’une fois.'
          : 'Votre compte est protégé par une application d’authentification : saisissez le code qu’elle affiche maintenant.'}
      </p>
      {erreur && <AvisErreur erreur={sansChamps(erreur)} titre="Code refusé" as="h3" />}
      {recuperation ? (
        <Input
          label="Code de récupération"
          hintText="12 caractères, par exemple abcd-efgh-jkmn"
          state={erreurChamp ? 'error' : 'default'}
          stateRelatedMessage={erreurChamp}
          nativeInputProps={{ name: 'code_recuperation', value: valeur, onChange: (e) => setValeur(e.target.value), autoComplete: 'off', required: true }}
        />
      ) : (
        <ChampCode valeur={valeur} onChange={setValeur} erreur={erreurChamp} />
      )}
      <ul className="fr-btns-group fr-btns-group--inline-md">
        <li>
          <Button type="submit" disabled={envoi}>
            {envoi ? 'Vérification…' : 'Valider'}
          </Button>
        </li>
        <li>
          <Button type="button" priority="tertiary" onClick={basculer}>
            {recuperation ? 'Utiliser le code de mon application' : 'Je n’ai pas mon téléphone : utiliser un code de récupération'}
          </Button>
        </li>
      </ul>
    </form>
  );
}
