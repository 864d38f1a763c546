import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { createModal } from '@codegouvfr/react-dsfr/Modal';
import { type FormEvent, useMemo, useState } from 'react';
import { AvisErreur } from '../../components/AvisErreur.js';
import { sansChamps } from '../identite/navigation.js';
import { signalerErreur } from './api.js';
import { messageChamp, useEnvoi } from './envoi.js';

interface Props {
  structureId: string;
  objet: { type: 'structure' | 'site' | 'service'; id: string };
  /** What the report is about, in the dialog's title ("la structure", "ce service"). */
  sujet: string;
}

/**
 * "Report an error" on a public page: a button and a DSFR dialog with the message and an
 * optional address. The report reaches the structure's managers and its territory's coordinators.
 */
export function SignalerErreur({ structureId, objet, sujet }: Props) {
  const modale = useMemo(() => createModal({ id: `signaler-${objet.type}-${objet.id}`, isOpenedByDefault: false }), [objet.type, objet.id]);
  const [message, setMessage] = useState('');
  const [courriel, setCourriel] = useState('');
  const [envoye, setEnvoye] = useState(false);
  const { enCours, erreur, envoyer } = useEnvoi();

  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    const fait = await envoyer(
      () => signalerErreur({ structure_id: structureId, objet, message, ...(courriel.trim() ? { courriel } : {}) }),
      'Signalement envoyé.',
    );
    if (fait) {
      setEnvoye(true);
      setMessage('');
      setCourriel('');
    }
  };

  const erreurMessage = messageChamp(erreur, 'message');
  const erreurCourriel = messageChamp(erreur, 'courriel');
  return (
    <>
      <Button priority="tertiary" iconId="fr-icon-warning-line" size="small" {...modale.buttonProps} onClick={() => setEnvoye(false)}>
        Signaler une erreur
      </Button>
      <modale.Component title={`Signaler une erreur sur ${sujet}`} titleAs="h2">
        {envoye ? (
          <Alert
            severity="success"
            title="Merci, votre signalement est envoyé"
            description="La structure et la coordination de son territoire le reçoivent et corrigeront la fiche si besoin."
            role="status"
          />
        ) : (
          <form onSubmit={(e) => void soumettre(e)} noValidate>
            <p>Une adresse, un horaire, un service qui n’existe plus ? Décrivez ce qui est inexact : la structure le recevra.</p>
            {erreur && <AvisErreur erreur={sansChamps(erreur)} titre="Le signalement n’a pas pu être envoyé" as="h3" />}
            <Input
              label="Ce qui est inexact"
              hintText="Entre 10 et 2 000 caractères. N’indiquez pas d’informations personnelles sur vous ou sur d’autres personnes."
              textArea
              state={erreurMessage ? 'error' : 'default'}
              stateRelatedMessage={erreurMessage}
              nativeTextAreaProps={{ value: message, rows: 5, maxLength: 2000, required: true, onChange: (e) => setMessage(e.target.value) }}
            />
            <Input
              label="Votre adresse électronique (facultatif)"
              hintText="Seulement pour vous répondre ; elle est effacée une fois le signalement traité."
              state={erreurCourriel ? 'error' : 'default'}
              stateRelatedMessage={erreurCourriel}
              nativeInputProps={{ type: 'email', autoComplete: 'email', value: courriel, onChange: (e) => setCourriel(e.target.value) }}
            />
            <Button type="submit" disabled={enCours}>
              {enCours ? 'Envoi…' : 'Envoyer le signalement'}
            </Button>
          </form>
        )}
      </modale.Component>
    </>
  );
}
