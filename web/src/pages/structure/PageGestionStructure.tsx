import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Tabs } from '@codegouvfr/react-dsfr/Tabs';
import { type JSX, useEffect, useState } from 'react';
import { lireReferentiels } from '../../api/annuaire.js';
import type { Referentiels } from '../../api/types.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Chargement } from '../../components/Chargement.js';
import { useDonnees } from '../../components/useDonnees.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import { BadgeDemonstration } from '../../features/annuaire/BadgeDemonstration.js';
import { dateFrancaise } from '../../features/annuaire/libelles.js';
import { type StructureGeree, URL_GESTION, confirmerStructure, lireStructureGeree, urlGestion } from '../../features/gestion/api.js';
import { RetourEnvoi, useEnvoi } from '../../features/gestion/envoi.js';
import { FormulaireContact } from '../../features/gestion/FormulaireContact.js';
import { FormulaireLieu } from '../../features/gestion/FormulaireLieu.js';
import { FormulaireService } from '../../features/gestion/FormulaireService.js';
import { FormulaireStructure } from '../../features/gestion/FormulaireStructure.js';
import { Historique } from '../../features/gestion/Historique.js';
import { ListeSignalements } from '../../features/gestion/ListeSignalements.js';
import { AccesReserve } from '../../features/identite/AccesReserve.js';
import { Lien, naviguer } from '../../routeur.js';

const ONGLETS = [
  { tabId: 'fiche', label: 'Structure' },
  { tabId: 'lieux', label: 'Lieux et horaires' },
  { tabId: 'services', label: 'Services' },
  { tabId: 'contacts', label: 'Contacts' },
  { tabId: 'historique', label: 'Historique' },
  { tabId: 'signalements', label: 'Signalements' },
] as const;
type Onglet = (typeof ONGLETS)[number]['tabId'];

const ongletDe = (recherche: string): Onglet => {
  const demande = new URLSearchParams(recherche).get('onglet');
  return ONGLETS.find((o) => o.tabId === demande)?.tabId ?? 'fiche';
};

function Fraicheur({ structure, onConfirmee, onRecharger }: { structure: StructureGeree; onConfirmee: (s: StructureGeree) => void; onRecharger: () => void }) {
  const { enCours, erreur, succes, envoyer } = useEnvoi();
  const confirmer = async () => {
    const confirmee = await envoyer(() => confirmerStructure(structure.id), 'Merci : la fiche est confirmée à jour.');
    if (confirmee) onConfirmee(confirmee);
  };
  return (
    <div className="fr-callout fr-my-3w">
      <h2 className="fr-callout__title fr-h5">Cette fiche est-elle à jour ?</h2>
      <p className="fr-callout__text">
        Mise à jour le {dateFrancaise(structure.date_donnees)}
        {' · '}
        {structure.confirme_le ? `confirmée par la structure le ${dateFrancaise(structure.confirme_le)}` : 'jamais confirmée par la structure'}
      </p>
      <p className="fr-text--sm">Si tout est juste (lieux, horaires, services, contacts), confirmez-le : la fiche publique l’indique.</p>
      <RetourEnvoi erreur={erreur} succes={succes} onRecharger={onRecharger} />
      <Button onClick={() => void confirmer()} disabled={enCours} iconId="fr-icon-check-line">
        Confirmer que la fiche est à jour
      </Button>
    </div>
  );
}

function GestionStructure({ id, onglet }: { id: string; onglet: Onglet }) {
  const [rechargement, setRechargement] = useState(0);
  const etat = useDonnees((signal) => lireStructureGeree(id, signal), [id, rechargement]);
  const [structure, setStructure] = useState<StructureGeree | null>(null);
  const [referentiels, setReferentiels] = useState<Referentiels | null>(null);
  useEffect(() => {
    if (etat.statut === 'pret') setStructure(etat.donnees);
  }, [etat]);
  useEffect(() => {
    lireReferentiels().then(setReferentiels, () => setReferentiels(null));
  }, []);
  useTitrePage(structure ? `Gérer ${structure.nom}` : etat.statut === 'erreur' ? 'Structure introuvable' : 'Gérer une structure');

  const recharger = () => setRechargement((n) => n + 1);
  const filAriane = (
    <Breadcrumb
      currentPageLabel={structure?.nom ?? 'Structure'}
      homeLinkProps={{ href: '/' }}
      segments={[{ label: 'Gérer mes structures', linkProps: { href: URL_GESTION } }]}
    />
  );
  if (!structure) {
    return (
      <div className="fr-container fr-pb-6w">
        {filAriane}
        <h1>{etat.statut === 'erreur' && etat.erreur.statut === 404 ? 'Structure introuvable' : 'Gérer une structure'}</h1>
        {etat.statut === 'erreur' ? <AvisErreur erreur={etat.erreur} /> : <Chargement texte="Chargement de la fiche…" />}
      </div>
    );
  }

  // Each save answers the whole record, which the forms take their values and versions from; a
  // reload (after a conflict) starts them afresh.
  const cle = `${structure.id}-${rechargement}`;
  const commun = { structure, onEnregistree: setStructure, onRecharger: recharger };
  const contenu: Record<Onglet, () => JSX.Element> = {
    fiche: () => <FormulaireStructure key={cle} {...commun} />,
    lieux: () => (
      <>
        <h2 className="fr-h4">Lieux et horaires d’ouverture</h2>
        {structure.sites.length === 0 && <p>Aucun lieu d’accueil : ajoutez-en un ci-dessous.</p>}
        {structure.sites.map((s) => (
          <Accordion key={`${s.id}-${rechargement}`} label={`${s.nom}${s.commune ? ` – ${s.commune.nom}` : ''}`} titleAs="h3">
            <FormulaireLieu {...commun} lieu={s} />
          </Accordion>
        ))}
        <Accordion key={`nouveau-lieu-${rechargement}`} label="Ajouter un lieu" titleAs="h3">
          <FormulaireLieu {...commun} />
        </Accordion>
      </>
    ),
    services: () =>
      referentiels ? (
        <>
          <h2 className="fr-h4">Services</h2>
          {structure.services.length === 0 && <p>Aucun service publié : ajoutez-en un ci-dessous.</p>}
          {structure.services.map((s) => (
            <Accordion key={`${s.id}-${rechargement}`} label={s.nom} titleAs="h3">
              <FormulaireService {...commun} referentiels={referentiels} service={s} />
            </Accordion>
          ))}
          <Accordion key={`nouveau-service-${rechargement}`} label="Ajouter un service" titleAs="h3">
            <FormulaireService {...commun} referentiels={referentiels} />
          </Accordion>
        </>
      ) : (
        <Chargement texte="Chargement des thématiques et des publics…" />
      ),
    contacts: () => (
      <>
        <h2 className="fr-h4">Contacts</h2>
        {structure.contacts.length === 0 && <p>Aucun contact nominatif : ajoutez-en un ci-dessous si la structure le souhaite.</p>}
        {structure.contacts.map((c) => (
          <Accordion key={`${c.id}-${rechargement}`} label={`${c.nom}${c.fonction ? `, ${c.fonction}` : ''}`} titleAs="h3">
            <FormulaireContact {...commun} contact={c} />
          </Accordion>
        ))}
        <Accordion key={`nouveau-contact-${rechargement}`} label="Ajouter un contact" titleAs="h3">
          <FormulaireContact {...commun} />
        </Accordion>
      </>
    ),
    historique: () => (
      <>
        <h2 className="fr-h4">Historique des modifications</h2>
        <Historique structureId={structure.id} version={`${structure.modifie_le}-${rechargement}`} />
      </>
    ),
    signalements: () => (
      <>
        <h2 className="fr-h4">Erreurs signalées par le public</h2>
        {structure.droits.lire_signalements ? <ListeSignalements structureId={structure.id} /> : <p>Votre rôle ne donne pas accès aux signalements.</p>}
      </>
    ),
  };

  return (
    <div className="fr-container fr-pb-6w">
      {filAriane}
      <h1 className="fr-mb-1w">
        {structure.nom} {structure.demonstration && <BadgeDemonstration />}
      </h1>
      <p>
        {structure.reseau ? `Réseau ${structure.reseau.libelle} · ` : ''}
        <Lien href={`/structures/${structure.id}`} className="fr-link">
          Voir la fiche publique
        </Lien>
      </p>
      <Fraicheur structure={structure} onConfirmee={setStructure} onRecharger={recharger} />
      <Tabs
        label="Parties de la fiche"
        tabs={[...ONGLETS]}
        selectedTabId={onglet}
        onTabChange={(tabId) => naviguer(urlGestion(structure.id, tabId), { remplacer: true })}
      >
        {contenu[onglet]()}
      </Tabs>
    </div>
  );
}

/** The edit page of a structure's record, for its managers and its territory's coordinators. */
export function PageGestionStructure({ id, recherche }: { id: string; recherche: string }) {
  return (
    <AccesReserve permission="annuaire.structure.modifier">
      <GestionStructure id={id} onglet={ongletDe(recherche)} />
    </AccesReserve>
  );
}
