import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import { type FormEvent, useState } from 'react';
import type { ErreurApi } from '../../api/client.js';
import { connecter } from '../../api/identite.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import { enErreurApi, messageDuChamp, sansChamps } from './navigation.js';

/** First step of the local sign-in: e-mail address and password. The next step follows from the session read again. */
export function FormulaireMotDePasse({ onConnecte }: { onConnecte: () => Promise<unknown> }) {
  const [email, setEmail] = useState('');
  const [motDePasse, setMotDePasse] = useState('');
  const [envoi, setEnvoi] = useState(false);
  const [erreur, setErreur] = useState<ErreurApi | null>(null);

  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    setEnvoi(true);
    setErreur(null);
    try {
      await connecter(email, motDePasse);
      await onConnecte();
    } catch (err) {
      setErreur(enErreurApi(err));
      setEnvoi(false);
    }
  };

  const erreurEmail = messageDuChamp(erreur, 'email');
  const erreurMotDePasse = messageDuChamp(erreur, 'mot_de_passe');
  return (
    <form onSubmit={(e) => void soumettre(e)} noValidate aria-labelledby="titre-mot-de-passe">
      <h2 id="titre-mot-de-passe" className="fr-h5">
        Se connecter avec son adresse électronique
      </h2>
      {erreur && <AvisErreur erreur={sansChamps(erreur)} titre="Connexion impossible" as="h3" />}
      <Input
        label="Adresse électronique"
        hintText="Format attendu : nom@domaine.fr"
        state={erreurEmail ? 'error' : 'default'}
        stateRelatedMessage={erreurEmail}
        nativeInputProps={{
          name: 'email',
          type: 'email',
          autoComplete: 'username',
          value: email,
          onChange: (e) => setEmail(e.target.value),
          required: true,
        }}
      />
      <PasswordInput
        label="Mot de passe"
        messagesHint=""
        messages={erreurMotDePasse ? [{ severity: 'error', message: erreurMotDePasse }] : []}
        nativeInputProps={{
          name: 'mot_de_passe',
          autoComplete: 'current-password',
          value: motDePasse,
          onChange: (e) => setMotDePasse(e.target.value),
          required: true,
        }}
      />
      <Button type="submit" disabled={envoi} className="fr-mt-2w">
        {envoi ? 'Connexion en cours…' : 'Se connecter'}
      </Button>
    </form>
  );
}
