import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { PasswordInput } from '@codegouvfr/react-dsfr/blocks/PasswordInput';
import { type FormEvent, useState } from 'react';
import type { ErreurApi } from '../../api/client.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import { enErreurApi, sansChamps } from '../identite/navigation.js';
import { accepterInvitation } from './api.js';

// What the password policy checks (identite.motdepasse.ts), said before anyone types.
const REGLES_MOT_DE_PASSE = [
  'compter au moins 12 caractères : une phrase de plusieurs mots est plus facile à retenir ;',
  'être difficile à deviner : pas un mot courant seul, une suite de touches du clavier ou une date ;',
  'ne contenir ni votre nom, ni votre prénom, ni votre adresse électronique.',
];

const messagesDuChamp = (erreur: ErreurApi | null, chemin: string) => erreur?.champs.filter((c) => c.chemin === chemin).map((c) => c.message) ?? [];

/** The new agent's account: first name, last name and the password they choose. */
export function FormulaireAcceptation({ jeton, email, onAcceptee }: { jeton: string; email: string; onAcceptee: () => void }) {
  const [prenom, setPrenom] = useState('');
  const [nom, setNom] = useState('');
  const [motDePasse, setMotDePasse] = useState('');
  const [enCours, setEnCours] = useState(false);
  const [erreur, setErreur] = useState<ErreurApi | null>(null);

  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    setEnCours(true);
    setErreur(null);
    try {
      await accepterInvitation(jeton, { prenom, nom, mot_de_passe: motDePasse });
      onAcceptee();
    } catch (err) {
      setErreur(enErreurApi(err));
      setEnCours(false);
    }
  };

  const [erreurPrenom] = messagesDuChamp(erreur, 'prenom');
  const [erreurNom] = messagesDuChamp(erreur, 'nom');
  const problemes = messagesDuChamp(erreur, 'mot_de_passe');
  return (
    <form onSubmit={(e) => void soumettre(e)} noValidate aria-labelledby="titre-compte">
      <h2 id="titre-compte" className="fr-h4">
        Créer votre compte
      </h2>
      {erreur && <AvisErreur erreur={sansChamps(erreur)} titre="Le compte n’a pas été créé" as="h3" />}
      <Input
        label="Adresse électronique"
        hintText="Celle de l’invitation : vous vous connecterez avec elle."
        nativeInputProps={{ name: 'email', type: 'email', autoComplete: 'username', value: email, readOnly: true }}
      />
      <Input
        label="Prénom"
        state={erreurPrenom ? 'error' : 'default'}
        stateRelatedMessage={erreurPrenom}
        nativeInputProps={{ name: 'prenom', autoComplete: 'given-name', value: prenom, onChange: (e) => setPrenom(e.target.value), required: true }}
      />
      <Input
        label="Nom"
        state={erreurNom ? 'error' : 'default'}
        stateRelatedMessage={erreurNom}
        nativeInputProps={{ name: 'nom', autoComplete: 'family-name', value: nom, onChange: (e) => setNom(e.target.value), required: true }}
      />
      <PasswordInput
        label="Mot de passe"
        messagesHint="Votre mot de passe doit :"
        messages={[
          ...REGLES_MOT_DE_PASSE.map((message) => ({ severity: 'info' as const, message })),
          ...problemes.map((message) => ({ severity: 'error' as const, message })),
        ]}
        nativeInputProps={{
          name: 'mot_de_passe',
          autoComplete: 'new-password',
          value: motDePasse,
          onChange: (e) => setMotDePasse(e.target.value),
          required: true,
          'aria-invalid': problemes.length > 0 || undefined,
        }}
      />
      <Button type="submit" className="fr-mt-2w" disabled={enCours}>
        {enCours ? 'Création du compte…' : 'Créer mon compte'}
      </Button>
    </form>
  );
}
