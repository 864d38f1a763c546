import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type FormEvent, useState } from 'react';
import type { ErreurApi } from '../../api/client.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import { enErreurApi, messageDuChamp, sansChamps } from '../identite/navigation.js';
import { type InvitationEnvoyee, type RoleEquipe, inviter } from './api.js';
import { ROLES_EQUIPE } from './libelles.js';

/** Invites someone by e-mail; the same address again renews its pending invitation. */
export function FormulaireInvitation({ structureId, onEnvoyee }: { structureId: string; onEnvoyee: (envoi: InvitationEnvoyee) => void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<RoleEquipe>('advisor');
  const [enCours, setEnCours] = useState(false);
  const [erreur, setErreur] = useState<ErreurApi | null>(null);

  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    setEnCours(true);
    setErreur(null);
    try {
      const envoi = await inviter(structureId, { email, role });
      setEmail('');
      onEnvoyee(envoi);
    } catch (err) {
      setErreur(enErreurApi(err));
    } finally {
      setEnCours(false);
    }
  };

  const erreurEmail = messageDuChamp(erreur, 'email');
  const erreurRole = messageDuChamp(erreur, 'role');
  return (
    <form onSubmit={(e) => void soumettre(e)} noValidate aria-labelledby="titre-invitation" className="fr-mb-4w">
      <h2 id="titre-invitation">Inviter une personne</h2>
      <p>
        La personne reçoit un courriel avec un lien personnel, valable quelques jours et une seule fois : elle y choisit son mot de passe, puis se connecte.
      </p>
      {erreur && <AvisErreur erreur={sansChamps(erreur)} titre="L’invitation n’a pas été envoyée" as="h3" />}
      <div className="fr-grid-row fr-grid-row--gutters">
        <div className="fr-col-12 fr-col-md-6">
          <Input
            label="Adresse électronique professionnelle"
            hintText="Format attendu : nom@domaine.fr"
            state={erreurEmail ? 'error' : 'default'}
            stateRelatedMessage={erreurEmail}
            nativeInputProps={{ name: 'email', type: 'email', autoComplete: 'off', value: email, onChange: (e) => setEmail(e.target.value), required: true }}
          />
        </div>
        <div className="fr-col-12 fr-col-md-6">
          <Select
            label="Rôle dans la structure"
            hint="Le responsable invite, suspend et change les rôles de l’équipe."
            state={erreurRole ? 'error' : 'default'}
            stateRelatedMessage={erreurRole}
            nativeSelectProps={{ name: 'role', value: role, onChange: (e) => setRole(e.target.value as RoleEquipe) }}
          >
            {ROLES_EQUIPE.map((r) => (
              <option key={r.valeur} value={r.valeur}>
                {r.libelle}
              </option>
            ))}
          </Select>
        </div>
      </div>
      <Button type="submit" iconId="fr-icon-mail-line" disabled={enCours}>
        {enCours ? 'Envoi en cours…' : 'Envoyer l’invitation'}
      </Button>
    </form>
  );
}
