import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { FranceConnectButton } from '@codegouvfr/react-dsfr/FranceConnectButton';
import { ProConnectButton } from '@codegouvfr/react-dsfr/ProConnectButton';
import type { z } from 'zod';
import { type CodeEchecConnexion, type fournisseursReponse, MESSAGES_ECHEC_CONNEXION } from '../../../../src/modules/identite/oidc/oidc.contract.js';
import { lireJson } from '../../api/client.js';
import { Chargement } from '../../components/Chargement.js';
import { useDonnees } from '../../components/useDonnees.js';

type Fournisseur = z.infer<typeof fournisseursReponse>['fournisseurs'][number];

const lireFournisseurs = (signal: AbortSignal) => lireJson<z.infer<typeof fournisseursReponse>>('/api/v1/connexion/fournisseurs', {}, signal);

const INTITULES: Record<Fournisseur['public'], string> = {
  agent: 'Vous travaillez dans une structure du réseau',
  personne: 'Vous êtes accompagné par une structure du réseau',
};

/**
 * The sign-in buttons of the identity providers the server offers (ProConnect for agents,
 * FranceConnect for people); nothing at all when none is configured, the password form then
 * being the only way in. `retour`: the internal page to come back to after sign-in.
 */
export function BoutonsFournisseurs({ retour }: { retour?: string }) {
  const etat = useDonnees(lireFournisseurs, []);
  if (etat.statut === 'chargement') return <Chargement texte="Chargement des autres moyens de connexion…" />;
  // The password form stays usable: a failure here only hides the buttons.
  if (etat.statut === 'erreur' || etat.donnees.fournisseurs.length === 0) return null;
  const suffixe = retour ? `?retour=${encodeURIComponent(retour)}` : '';
  return (
    <div className="fr-mb-4w">
      {etat.donnees.fournisseurs.map((f) => (
        <section key={f.id} className="fr-mb-3w" aria-labelledby={`connexion-${f.id}`}>
          <h2 id={`connexion-${f.id}`} className="fr-h5">
            {INTITULES[f.public]}
          </h2>
          {f.id === 'proconnect' ? <ProConnectButton url={f.url + suffixe} /> : <FranceConnectButton url={f.url + suffixe} />}
        </section>
      ))}
      <p className="fr-hr-or">ou</p>
    </div>
  );
}

function estCodeEchec(code: string | null): code is CodeEchecConnexion {
  return code !== null && Object.hasOwn(MESSAGES_ECHEC_CONNEXION, code);
}

/** Why the last sign-in through a provider failed, from the `erreur` parameter the server sent back. */
export function AlerteEchecFournisseur({ recherche }: { recherche: string }) {
  const code = new URLSearchParams(recherche).get('erreur');
  if (!estCodeEchec(code)) return null;
  return (
    <Alert
      className="fr-mb-4w"
      severity="error"
      role="alert"
      title={code === 'compte_agent_inconnu' ? 'Aucun compte agent pour cette adresse' : 'La connexion n’a pas abouti'}
      description={MESSAGES_ECHEC_CONNEXION[code]}
    />
  );
}
