import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Stepper } from '@codegouvfr/react-dsfr/Stepper';
import { type FormEvent, type ReactNode, useEffect, useRef, useState } from 'react';
import type { ErreurApi } from '../../api/client.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Lien } from '../../routeur.js';
import { ChampCode } from './ChampCode.js';
import { enErreurApi, messageDuChamp, sansChamps } from './navigation.js';
import { type InitialisationSecondFacteur, activerSecondFacteur, initialiserSecondFacteur } from './secondFacteur.js';
import { useSession } from './SessionContexte.js';

const ETAPES = ['Installer une application d’authentification', 'Scanner le QR code', 'Garder vos codes de récupération'];

type Etat = { etape: 'debut' } | { etape: 'scan'; initialisation: InitialisationSecondFacteur } | { etape: 'codes'; codes: string[] };

/** Heading of a step: takes the focus when the step appears, so that a screen reader reads on from it. */
function TitreEtape({ children }: { children: ReactNode }) {
  const titre = useRef<HTMLHeadingElement>(null);
  useEffect(() => titre.current?.focus(), []);
  return (
    <h2 className="fr-h4" tabIndex={-1} ref={titre}>
      {children}
    </h2>
  );
}

/** A form with one code field, its notice and its button: the proof of the current factor, then the first code of the new one. */
function FormulaireCode({ intitule, label, onCode }: { intitule: string; label?: string; onCode: (code: string) => Promise<void> }) {
  const [code, setCode] = useState('');
  const [envoi, setEnvoi] = useState(false);
  const [erreur, setErreur] = useState<ErreurApi | null>(null);
  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    setEnvoi(true);
    setErreur(null);
    try {
      await onCode(code);
    } catch (err) {
      setErreur(enErreurApi(err));
      setEnvoi(false);
    }
  };
  return (
    <form onSubmit={(e) => void soumettre(e)} noValidate>
      {erreur && <AvisErreur erreur={sansChamps(erreur)} titre="Code refusé" as="h3" />}
      <ChampCode valeur={code} onChange={setCode} erreur={messageDuChamp(erreur, 'code')} {...(label ? { label } : {})} />
      <Button type="submit" disabled={envoi}>
        {envoi ? 'Vérification…' : intitule}
      </Button>
    </form>
  );
}

/** The base32 secret in groups of four, easier to copy by hand into an app. */
const enGroupes = (secret: string) => secret.match(/.{1,4}/g)?.join(' ') ?? secret;

function telechargerCodes(codes: string[]): void {
  const texte = `Codes de récupération de votre compte (chacun ne sert qu’une fois) :\n\n${codes.join('\n')}\n`;
  const url = URL.createObjectURL(new Blob([texte], { type: 'text/plain;charset=utf-8' }));
  const lien = document.createElement('a');
  lien.href = url;
  lien.download = 'codes-de-recuperation.txt';
  lien.click();
  URL.revokeObjectURL(url);
}

/**
 * Enrolment of an authenticator app: a new secret as a QR code (and as text for whoever cannot
 * scan), a first code to activate it, then the recovery codes, shown this once. An account whose
 * factor is already active replaces it only with a code of the current one.
 */
export function EnrolementSecondFacteur({ retour }: { retour: string }) {
  const { session, recharger } = useSession();
  const [etat, setEtat] = useState<Etat>({ etape: 'debut' });
  const [envoi, setEnvoi] = useState(false);
  const [erreur, setErreur] = useState<ErreurApi | null>(null);
  if (!session?.connecte) return null;
  const actif = session.second_facteur.configure;

  const commencer = async () => {
    setEnvoi(true);
    setErreur(null);
    try {
      setEtat({ etape: 'scan', initialisation: await initialiserSecondFacteur() });
    } catch (err) {
      setErreur(enErreurApi(err));
    } finally {
      setEnvoi(false);
    }
  };

  const numero = { debut: 1, scan: 2, codes: 3 }[etat.etape];
  return (
    <>
      <Stepper currentStep={numero} stepCount={ETAPES.length} title={ETAPES[numero - 1]} nextTitle={ETAPES[numero]} />
      {etat.etape === 'debut' && (
        <section>
          {actif ? (
            <>
              <TitreEtape>Remplacer votre application d’authentification</TitreEtape>
              <p>
                Un second facteur est déjà actif sur votre compte. Pour le remplacer (nouveau téléphone, autre application), saisissez d’abord un code de votre
                application actuelle. L’ancienne application cessera aussitôt de fonctionner.
              </p>
              <FormulaireCode
                intitule="Remplacer mon application"
                label="Code de l’application actuelle"
                onCode={async (code) => setEtat({ etape: 'scan', initialisation: await initialiserSecondFacteur({ code }) })}
              />
            </>
          ) : (
            <>
              <TitreEtape>Sécurisez votre compte</TitreEtape>
              <p>
                Votre rôle donne accès à des données personnelles : en plus de votre mot de passe, chaque connexion demandera un code à 6 chiffres affiché par
                une application d’authentification sur votre téléphone.
              </p>
              <p>
                Installez l’une de ces applications si vous n’en avez pas : FreeOTP, Aegis (Android), Microsoft Authenticator, Google Authenticator, ou
                l’application de mots de passe de votre téléphone.
              </p>
              {erreur && <AvisErreur erreur={erreur} />}
              <Button onClick={() => void commencer()} disabled={envoi}>
                {envoi ? 'Préparation…' : 'J’ai une application : afficher le QR code'}
              </Button>
            </>
          )}
        </section>
      )}
      {etat.etape === 'scan' && (
        <section>
          <TitreEtape>Scannez le QR code avec votre application</TitreEtape>
          <p>Dans l’application, choisissez « Ajouter un compte » puis « Scanner un QR code ».</p>
          <img
            src={etat.initialisation.qr_code}
            alt="QR code de configuration de votre application d’authentification (la clé équivalente est donnée en texte ci-dessous)"
            width={200}
            height={200}
          />
          <p className="fr-mt-2w">
            Vous ne pouvez pas scanner ? Choisissez « Saisir une clé » dans l’application et recopiez cette clé (type : basée sur le temps) :
          </p>
          <p>
            <code className="fr-text--lg">{enGroupes(etat.initialisation.secret)}</code>
          </p>
          <p>Saisissez ensuite le code à 6 chiffres que l’application affiche pour ce compte.</p>
          <FormulaireCode
            intitule="Activer"
            onCode={async (code) => {
              const { codes_recuperation } = await activerSecondFacteur(code);
              setEtat({ etape: 'codes', codes: codes_recuperation });
              await recharger();
            }}
          />
        </section>
      )}
      {etat.etape === 'codes' && (
        <section>
          <TitreEtape>Gardez vos codes de récupération</TitreEtape>
          <Alert severity="success" small description="Votre second facteur est activé : il sera demandé à chaque connexion." className="fr-mb-3w" />
          <p>
            Si vous perdez votre téléphone, chacun de ces codes permet une connexion, une seule fois. Téléchargez-les ou imprimez-les et rangez-les en lieu sûr,
            hors de votre téléphone : <strong>ils ne seront plus affichés</strong>.
          </p>
          <ol className="fr-mb-3w" style={{ fontFamily: 'monospace', fontSize: '1.125rem' }}>
            {etat.codes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ol>
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Button priority="secondary" iconId="fr-icon-download-line" onClick={() => telechargerCodes(etat.codes)}>
                Télécharger les codes
              </Button>
            </li>
            <li>
              <Button priority="secondary" iconId="fr-icon-printer-line" onClick={() => window.print()}>
                Imprimer
              </Button>
            </li>
            <li>
              <Lien className="fr-btn" href={retour}>
                J’ai gardé mes codes : continuer
              </Lien>
            </li>
          </ul>
        </section>
      )}
    </>
  );
}
