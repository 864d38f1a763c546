import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { type FormEvent, useState } from 'react';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Chargement } from '../../components/Chargement.js';
import { useDonnees } from '../../components/useDonnees.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import { LIBELLES_SITUATIONS, NIVEAUX_SAISIE } from '../../features/aiguillage/libelles.js';
import { ReponseConseillers } from '../../features/aiguillage/ReponseConseillers.js';
import { dateFrancaise } from '../../features/annuaire/libelles.js';
import { type DossierVue, URL_DOSSIERS, lireDossier, modifierDossier, reponseDuDossier } from '../../features/dossier/api.js';
import { type ChoixEnCours, ChoixPersonne, choixAEnvoyer } from '../../features/dossier/ChoixPersonne.js';
import { LIBELLES_PARTIES, LIBELLES_PHASES } from '../../features/dossier/libelles.js';
import { ListeConsentements } from '../../features/dossier/ListeConsentements.js';
import { RetourEnvoi, useEnvoi } from '../../features/gestion/envoi.js';
import { AccesReserve } from '../../features/identite/AccesReserve.js';

const ouiNon = (v: boolean) => (v ? 'oui' : 'non');
const nomComplet = (p: { prenom: string | null; nom: string | null }) => [p.prenom, p.nom].filter(Boolean).join(' ') || 'inconnu';

function Ligne({ terme, valeur }: { terme: string; valeur: string }) {
  return (
    <p className="fr-mb-1w">
      <span className="fr-text--bold">{terme} : </span>
      {valeur}
    </p>
  );
}

function choixInitial(dossier: DossierVue): ChoixEnCours {
  const choix = dossier.orientation?.choix;
  return { operateur: choix?.operateur ?? null, site_id: choix?.site?.id ?? '', note: choix?.note ?? '' };
}

/** The holder records or changes the person's choice, on the version it read (412 if someone changed it meanwhile). */
function ChangerChoix({ dossier, onEnregistre, onRecharger }: { dossier: DossierVue; onEnregistre: () => void; onRecharger: () => void }) {
  const [choix, setChoix] = useState(() => choixInitial(dossier));
  const { enCours, erreur, succes, envoyer } = useEnvoi();
  const reponse = reponseDuDossier(dossier);
  if (!reponse) return null;
  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    if (await envoyer(() => modifierDossier(dossier.id, { version: dossier.version, choix: choixAEnvoyer(choix) }), 'Le choix de la personne est enregistré.'))
      onEnregistre();
  };
  return (
    <form onSubmit={(e) => void soumettre(e)} noValidate aria-labelledby="titre-changer-choix">
      <h3 id="titre-changer-choix" className="fr-h5 fr-mt-3w">
        Changer le choix
      </h3>
      <RetourEnvoi erreur={erreur} succes={succes} onRecharger={onRecharger} />
      <ChoixPersonne reponse={reponse} choix={choix} onChange={setChoix} erreur={erreur} prefixe="dossier" />
      <Button type="submit" disabled={enCours}>
        {enCours ? 'Enregistrement…' : 'Enregistrer le choix'}
      </Button>
    </form>
  );
}

function Dossier({ id }: { id: string }) {
  const [chargement, setChargement] = useState(0);
  const etat = useDonnees((signal) => lireDossier(id, signal), [id, chargement]);
  const recharger = () => setChargement((n) => n + 1);
  const dossier = etat.donnees;
  const titre = dossier?.personne ? `${dossier.personne.prenom} ${dossier.personne.nom}` : 'Dossier';
  useTitrePage(etat.statut === 'erreur' && !dossier ? 'Dossier introuvable' : titre);

  if (!dossier) {
    if (etat.statut === 'erreur') return <AvisErreur erreur={etat.erreur} titre="Le dossier n’a pas pu être affiché" />;
    return <Chargement texte="Chargement du dossier…" />;
  }
  const choix = dossier.orientation?.choix;
  const reponse = reponseDuDossier(dossier);
  return (
    <>
      <h1>{titre}</h1>
      {etat.statut === 'erreur' && <AvisErreur erreur={etat.erreur} titre="Le dossier n’a pas pu être rechargé" />}
      <ul className="fr-badges-group fr-mb-2w">
        <li>
          <Badge severity={dossier.phase === 'orientation' ? 'success' : 'info'}>{LIBELLES_PHASES[dossier.phase]}</Badge>
        </li>
        <li>
          <Badge noIcon>Conseil en évolution professionnelle, niveau {dossier.niveau_cep}</Badge>
        </li>
      </ul>
      <Ligne terme="Détenu par" valeur={dossier.detentrice.nom ?? 'une structure de l’annuaire'} />
      <Ligne terme="Référent" valeur={nomComplet(dossier.referent)} />
      <Ligne terme="Ouvert le" valeur={dateFrancaise(dossier.cree_le)} />
      <Ligne terme="Modifié le" valeur={dateFrancaise(dossier.modifie_le)} />
      {dossier.acces.fondement === 'consentement' && (
        <Alert
          className="fr-my-2w"
          severity="info"
          small
          description={`La personne a accepté que votre structure voie ces parties de son dossier : ${dossier.acces.parties.map((p) => LIBELLES_PARTIES[p].toLowerCase()).join(', ')}. C’est ${dossier.detentrice.nom ?? 'la structure qui le détient'} qui le tient à jour.`}
        />
      )}

      {dossier.personne && (
        <section aria-labelledby="titre-identite" className="fr-mt-4w">
          <h2 id="titre-identite">Identité</h2>
          <Ligne terme="Commune" valeur={dossier.personne.commune.nom} />
          <Ligne terme="Téléphone" valeur={dossier.personne.telephone ?? 'non renseigné'} />
          <Ligne terme="Adresse électronique" valeur={dossier.personne.courriel ?? 'non renseignée'} />
        </section>
      )}

      {dossier.situation && (
        <section aria-labelledby="titre-situation" className="fr-mt-4w">
          <h2 id="titre-situation">Situation</h2>
          <Ligne terme="Situation" valeur={LIBELLES_SITUATIONS[dossier.situation.situation]} />
          <Ligne terme="Cadre" valeur={ouiNon(dossier.situation.cadre)} />
          <Ligne
            terme="Diplôme le plus élevé"
            valeur={NIVEAUX_SAISIE.find((n) => n.valeur === dossier.situation!.niveau_diplome)?.libelle ?? `niveau ${dossier.situation.niveau_diplome}`}
          />
        </section>
      )}

      {dossier.donnees_sensibles && (
        <section aria-labelledby="titre-sensible" className="fr-mt-4w">
          <h2 id="titre-sensible">
            Santé et handicap{' '}
            <Badge small severity="warning" as="span">
              Donnée sensible
            </Badge>
          </h2>
          <p className="fr-text--sm">Visible de votre structure seulement, tant que la personne y consent.</p>
          <Ligne terme="Handicap reconnu" valeur={ouiNon(dossier.donnees_sensibles.handicap_reconnu)} />
          <Ligne terme="Emploi menacé par la santé" valeur={ouiNon(dossier.donnees_sensibles.emploi_menace_sante)} />
          {dossier.donnees_sensibles.note && <Ligne terme="Précisions" valeur={dossier.donnees_sensibles.note} />}
        </section>
      )}

      {dossier.orientation && (
        <section aria-labelledby="titre-orientation" className="fr-mt-4w">
          <h2 id="titre-orientation">Orientation</h2>
          <Ligne
            terme="Choix de la personne"
            valeur={
              choix ? [choix.libelle, choix.site ? `${choix.site.nom} (${choix.site.structure.nom})` : null].filter(Boolean).join(' – ') : 'pas encore fait'
            }
          />
          {choix?.note && <Ligne terme="Note" valeur={choix.note} />}
          <Ligne terme="Règles d’aiguillage" valeur={`version ${dossier.orientation.version_regles}`} />
          {dossier.acces.modifier && !reponse && (
            <p className="fr-text--sm">
              La réponse complète repose sur une donnée de santé ou de handicap : elle n’est plus visible depuis que la personne a retiré son consentement aux
              données sensibles.
            </p>
          )}
          {reponse && (
            <>
              {dossier.acces.modifier && <ChangerChoix key={dossier.id} dossier={dossier} onEnregistre={recharger} onRecharger={recharger} />}
              <div className="fr-mt-3w">
                <Accordion label="Réponse donnée à la personne">
                  <ReponseConseillers reponse={reponse} />
                </Accordion>
              </div>
            </>
          )}
        </section>
      )}

      {dossier.consentements && (
        <section aria-labelledby="titre-consentements" className="fr-mt-4w">
          <h2 id="titre-consentements">Consentements</h2>
          <p className="fr-text--sm">Un retrait vaut dès qu’il est enregistré : les structures à qui il partageait le dossier ne le voient plus.</p>
          <ListeConsentements consentements={dossier.consentements} onChange={recharger} />
        </section>
      )}
    </>
  );
}

/** One case file, in the parts the reader may see: identity, situation, sensitive data, orientation, consents. */
export function PageDossier({ id }: { id: string }) {
  return (
    <div className="fr-container fr-pb-6w">
      <Breadcrumb currentPageLabel="Dossier" homeLinkProps={{ href: '/' }} segments={[{ label: 'Dossiers', linkProps: { href: URL_DOSSIERS } }]} />
      <AccesReserve permission="dossier.lire">
        <Dossier id={id} />
      </AccesReserve>
    </div>
  );
}
