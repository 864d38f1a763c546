import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { CallOut } from '@codegouvfr/react-dsfr/CallOut';
import { useEffect, useRef, useState } from 'react';
import { useTitrePage } from '../../components/useTitrePage.js';
import type { ReponseAiguillage } from '../../features/aiguillage/api.js';
import { FormulaireProfil, REPONSES_VIDES, type Reponses } from '../../features/aiguillage/FormulaireProfil.js';
import { LIBELLES_SITUATIONS } from '../../features/aiguillage/libelles.js';
import { ReponseConseillers } from '../../features/aiguillage/ReponseConseillers.js';

/**
 * "Trouver mon conseiller": a few questions, then the operators who can advise the person, why,
 * and where. The answers live in this page only: no address bar, no storage, nothing kept.
 */
export function PageTrouverMonConseiller() {
  const [reponses, setReponses] = useState<Reponses>(REPONSES_VIDES);
  const [resultat, setResultat] = useState<ReponseAiguillage | null>(null);
  const titreResultat = useRef<HTMLHeadingElement>(null);
  useTitrePage(resultat ? 'Vos conseillers' : 'Trouver mon conseiller');

  useEffect(() => {
    if (resultat) titreResultat.current?.focus();
  }, [resultat]);

  return (
    <div className="fr-container fr-pb-6w">
      <Breadcrumb currentPageLabel="Trouver mon conseiller" homeLinkProps={{ href: '/' }} segments={[]} />
      <div className="fr-grid-row">
        <div className={resultat ? 'fr-col-12' : 'fr-col-12 fr-col-md-8'}>
          {resultat ? (
            <>
              <h1 ref={titreResultat} tabIndex={-1} className="trj-principal">
                Vos conseillers
              </h1>
              <p>
                Pour une personne de {reponses.age} ans ({reponses.situation ? LIBELLES_SITUATIONS[reponses.situation] : ''}) qui habite {resultat.commune.nom}.
              </p>
              <ul className="fr-btns-group fr-btns-group--inline-sm fr-btns-group--icon-left fr-mb-3w">
                <li>
                  <Button priority="secondary" iconId="fr-icon-edit-line" onClick={() => setResultat(null)}>
                    Modifier mes réponses
                  </Button>
                </li>
                <li>
                  <Button
                    priority="tertiary"
                    iconId="fr-icon-refresh-line"
                    onClick={() => {
                      setReponses(REPONSES_VIDES);
                      setResultat(null);
                    }}
                  >
                    Recommencer
                  </Button>
                </li>
              </ul>
              <ReponseConseillers reponse={resultat} />
              {/* Said to the person on their own (an advisor at reception goes on to open a file). */}
              <CallOut title="Vos réponses ne sont pas enregistrées" className="fr-mt-4w">
                Elles servent seulement à calculer cette réponse. Pour suivre l’activité du service, seuls la réponse donnée, votre commune et votre situation
                sont comptés, sans rien qui vous désigne. Vous pouvez aussi vous présenter dans n’importe quel lieu du service public de l’orientation : il vous
                recevra et vous orientera.
              </CallOut>
            </>
          ) : (
            <>
              <h1>Trouver mon conseiller</h1>
              <p className="fr-text--lead">
                Quelques questions pour savoir quels conseillers peuvent vous accompagner gratuitement dans votre projet professionnel, et où les rencontrer.
              </p>
              <p className="fr-text--sm">
                Vos réponses ne sont pas enregistrées : elles servent seulement à calculer la réponse, comptée sans rien qui vous désigne.
              </p>
              <FormulaireProfil reponses={reponses} onChange={setReponses} onResultat={setResultat} />
            </>
          )}
        </div>
      </div>
    </div>
  );
}
