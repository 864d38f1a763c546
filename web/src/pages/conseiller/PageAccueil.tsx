import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef, useState } from 'react';
import { useTitrePage } from '../../components/useTitrePage.js';
import type { ProfilSaisi, ReponseAiguillage } from '../../features/aiguillage/api.js';
import { FormulaireProfil, REPONSES_VIDES, type Reponses } from '../../features/aiguillage/FormulaireProfil.js';
import { ReponseConseillers } from '../../features/aiguillage/ReponseConseillers.js';
import { useNomsStructures } from '../../features/audit/useNomsStructures.js';
import { URL_DOSSIERS, aiguillerPourAccueil, urlDossier } from '../../features/dossier/api.js';
import { FormulaireOuverture } from '../../features/dossier/FormulaireOuverture.js';
import { AccesReserve } from '../../features/identite/AccesReserve.js';
import { useSession } from '../../features/identite/SessionContexte.js';
import { naviguer } from '../../routeur.js';

/** The structures the agent receives people for (advisor or manager there). */
function useStructuresDAccueil(): { id: string; nom: string }[] {
  const { session } = useSession();
  const ids = session?.connecte
    ? session.adhesions.flatMap((a) => (a.structure_id && (a.role === 'advisor' || a.role === 'structure_manager') ? [a.structure_id] : []))
    : [];
  const noms = useNomsStructures(ids);
  return [...new Set(ids)].map((id) => ({ id, nom: noms.get(id) ?? 'votre structure' }));
}

function Accueil() {
  const [reponses, setReponses] = useState<Reponses>(REPONSES_VIDES);
  const [resultat, setResultat] = useState<{ reponse: ReponseAiguillage; profil: ProfilSaisi } | null>(null);
  const structures = useStructuresDAccueil();
  const titreResultat = useRef<HTMLHeadingElement>(null);
  useTitrePage(resultat ? 'Réponse pour la personne reçue' : 'Accueillir une personne');

  useEffect(() => {
    if (resultat) titreResultat.current?.focus();
  }, [resultat]);

  const recommencer = () => {
    setReponses(REPONSES_VIDES);
    setResultat(null);
  };

  if (!resultat) {
    return (
      <>
        <h1>Accueillir une personne</h1>
        <p className="fr-text--lead">Au guichet ou au téléphone : posez à la personne les questions suivantes, puis lisez-lui la réponse.</p>
        <p className="fr-text--sm">Rien n’est enregistré tant que vous n’ouvrez pas de dossier, avec son accord.</p>
        <div className="fr-grid-row">
          <div className="fr-col-12 fr-col-md-8">
            <FormulaireProfil
              reponses={reponses}
              onChange={setReponses}
              onResultat={(reponse, profil) => setResultat({ reponse, profil })}
              aiguiller={aiguillerPourAccueil}
            />
          </div>
        </div>
      </>
    );
  }
  return (
    <>
      <h1 ref={titreResultat} tabIndex={-1} className="trj-principal">
        Réponse pour la personne reçue
      </h1>
      <p>
        Commune : {resultat.reponse.commune.nom}. Règles d’aiguillage : version {resultat.reponse.version_regles}.
      </p>
      <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left fr-mb-3w">
        <li>
          <Button priority="secondary" iconId="fr-icon-edit-line" onClick={() => setResultat(null)}>
            Modifier les réponses
          </Button>
        </li>
        <li>
          <Button priority="tertiary" iconId="fr-icon-refresh-line" onClick={recommencer}>
            Accueillir une autre personne
          </Button>
        </li>
      </ul>
      <ReponseConseillers reponse={resultat.reponse} />
      <div className="fr-grid-row fr-mt-4w">
        <div className="fr-col-12 fr-col-md-8">
          {structures.length === 0 ? (
            <Alert severity="info" small description="Votre compte n’est rattaché à aucune structure d’accueil : vous ne pouvez pas ouvrir de dossier." />
          ) : (
            <FormulaireOuverture
              reponse={resultat.reponse}
              profil={resultat.profil}
              structures={structures}
              onOuvert={(dossier) => naviguer(urlDossier(dossier.id))}
            />
          )}
        </div>
      </div>
    </>
  );
}

/** "Accueillir une personne": the same short profile as the public page, the answer, then a file opened with the person's consent. */
export function PageAccueil() {
  return (
    <div className="fr-container fr-pb-6w">
      <Breadcrumb
        currentPageLabel="Accueillir une personne"
        homeLinkProps={{ href: '/' }}
        segments={[{ label: 'Dossiers', linkProps: { href: URL_DOSSIERS } }]}
      />
      <AccesReserve permission="dossier.creer">
        <Accueil />
      </AccesReserve>
    </div>
  );
}
