import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, useState } from 'react';
import { AvisErreur } from '../../components/AvisErreur.js';
import { dateFrancaise } from '../annuaire/libelles.js';
import { messageChamp, useEnvoi } from '../gestion/envoi.js';
import { type ConsentementVue, revoquerConsentement } from './api.js';
import { LIBELLES_FINALITES, LIBELLES_MODE_RECUEIL, LIBELLES_PARTIES, avecLibelles } from './libelles.js';

const agent = (a: ConsentementVue['recueilli_par']) => [a.prenom, a.nom].filter(Boolean).join(' ') || 'un agent';

/** Recording that the person withdrew this consent: the reason is asked, the withdrawal counts at once. */
function Retrait({ consentement, onRetire }: { consentement: ConsentementVue; onRetire: () => void }) {
  const [motif, setMotif] = useState('');
  const { enCours, erreur, envoyer } = useEnvoi();
  const message = messageChamp(erreur, 'motif');
  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    if (await envoyer(() => revoquerConsentement(consentement.id, motif), 'Le retrait est enregistré.')) onRetire();
  };
  return (
    <form onSubmit={(e) => void soumettre(e)} noValidate aria-label={`Retrait du consentement recueilli le ${dateFrancaise(consentement.recueilli_le)}`}>
      {erreur && !message && <AvisErreur erreur={avecLibelles(erreur)} titre="Le retrait n’a pas été enregistré" as="h3" />}
      <Input
        label="Motif du retrait"
        hintText="Par exemple : demande de la personne au téléphone."
        state={message ? 'error' : 'default'}
        stateRelatedMessage={message}
        nativeInputProps={{ id: `motif-${consentement.id}`, maxLength: 500, value: motif, onChange: (e) => setMotif(e.target.value) }}
      />
      <Button type="submit" priority="secondary" size="small" disabled={enCours}>
        {enCours ? 'Enregistrement…' : 'Enregistrer le retrait du consentement'}
      </Button>
    </form>
  );
}

/** The person's consents, active and withdrawn, each with the text they were read; active ones can be withdrawn. */
export function ListeConsentements({ consentements, onChange }: { consentements: ConsentementVue[]; onChange: () => void }) {
  if (consentements.length === 0) return <p>Aucun consentement enregistré.</p>;
  return (
    <ul className="trj-liste-nue">
      {consentements.map((c) => (
        <li key={c.id} className="fr-p-3w fr-mb-2w trj-fiche-lieu">
          <h3 className="fr-h6 fr-mb-1w">
            {c.destinataire.type === 'reseau' ? 'Partage avec le réseau' : (c.destinataire.structure_nom ?? 'Structure')}{' '}
            {c.actif ? (
              <Badge small severity="success" as="span">
                En vigueur
              </Badge>
            ) : (
              <Badge small severity="warning" as="span">
                Retiré
              </Badge>
            )}
          </h3>
          <blockquote className="fr-text--sm fr-mb-1w">« {c.texte} »</blockquote>
          <p className="fr-text--sm fr-mb-1w">
            Parties : {c.portee.map((p) => LIBELLES_PARTIES[p]).join(', ')}. Finalité :{' '}
            {c.finalite === 'autre' ? c.finalite_precision : LIBELLES_FINALITES[c.finalite]}. Recueilli {LIBELLES_MODE_RECUEIL[c.mode_recueil].toLowerCase()} le{' '}
            {dateFrancaise(c.recueilli_le)} par {agent(c.recueilli_par)}.
          </p>
          {c.revoque_le && c.revoque_par && (
            <p className="fr-text--sm fr-mb-0">
              Retiré le {dateFrancaise(c.revoque_le)} par {agent(c.revoque_par)} : {c.motif_revocation}
            </p>
          )}
          {c.actif && <Retrait consentement={c} onRetire={onChange} />}
        </li>
      ))}
    </ul>
  );
}
