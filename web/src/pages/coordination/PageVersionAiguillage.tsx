import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import type { ErreurApi } from '../../api/client.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Chargement } from '../../components/Chargement.js';
import { useDonnees } from '../../components/useDonnees.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import {
  type DetailVersion,
  type Essai,
  URL_REGLES,
  essayerVersion,
  lireVersion,
  publierVersion,
  urlComparaison,
  urlDepot,
} from '../../features/aiguillage/api.js';
import { ContenuRegles } from '../../features/aiguillage/ContenuRegles.js';
import { dateLisible } from '../../features/aiguillage/libelles.js';
import { StatutVersion, perimetre, useNomsRegions } from '../../features/aiguillage/StatutVersion.js';
import { TableauEssai } from '../../features/aiguillage/TableauEssai.js';
import { AccesReserve } from '../../features/identite/AccesReserve.js';
import { enErreurApi } from '../../features/identite/navigation.js';
import { Lien } from '../../routeur.js';

function Publication({ version, onPubliee }: { version: DetailVersion; onPubliee: (v: DetailVersion) => void }) {
  const [confirmer, setConfirmer] = useState(false);
  const noms = useNomsRegions();
  const [enCours, setEnCours] = useState(false);
  const [erreur, setErreur] = useState<ErreurApi | null>(null);
  const publier = async () => {
    setEnCours(true);
    setErreur(null);
    try {
      onPubliee(await publierVersion(version.id));
      setConfirmer(false);
    } catch (e) {
      setErreur(enErreurApi(e));
    } finally {
      setEnCours(false);
    }
  };
  return (
    <section className="fr-mt-4w" aria-labelledby="titre-publication">
      <h2 id="titre-publication">Publier</h2>
      {erreur && <AvisErreur erreur={erreur} titre="La version n’a pas été publiée" />}
      {confirmer ? (
        <>
          <p>
            Une fois publiée, cette version répondra à toutes les demandes {version.region_code ? `de la région ${perimetre(version, noms)}` : 'du pays'} à
            partir du {dateLisible(version.date_effet)}. Elle ne pourra plus être modifiée. Confirmez-vous la publication ?
          </p>
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Button onClick={() => void publier()} disabled={enCours}>
                Confirmer la publication
              </Button>
            </li>
            <li>
              <Button priority="secondary" onClick={() => setConfirmer(false)}>
                Annuler
              </Button>
            </li>
          </ul>
        </>
      ) : (
        <>
          <p>Essayez d’abord la version sur les profils de test et comparez-la avec la version en vigueur.</p>
          <Button onClick={() => setConfirmer(true)}>Publier cette version</Button>
        </>
      )}
    </section>
  );
}

function Version({ id }: { id: string }) {
  const etat = useDonnees((signal) => lireVersion(id, signal), [id]);
  const noms = useNomsRegions();
  const [publiee, setPubliee] = useState<DetailVersion | null>(null);
  const [essai, setEssai] = useState<Essai | null>(null);
  const [essaiEnCours, setEssaiEnCours] = useState(false);
  const [erreurEssai, setErreurEssai] = useState<ErreurApi | null>(null);
  const version = publiee ?? etat.donnees;
  useTitrePage(version ? `Règles d’aiguillage, version ${version.version}` : 'Règles d’aiguillage');

  const essayer = async () => {
    setEssaiEnCours(true);
    setErreurEssai(null);
    try {
      setEssai(await essayerVersion(id));
    } catch (e) {
      setErreurEssai(enErreurApi(e));
    } finally {
      setEssaiEnCours(false);
    }
  };

  const region = version?.region_code ?? '';
  return (
    <div className="fr-container fr-pb-6w">
      <Breadcrumb
        currentPageLabel={version ? `Version ${version.version}` : 'Version'}
        homeLinkProps={{ href: '/' }}
        segments={[{ label: 'Règles d’aiguillage', linkProps: { href: region ? `${URL_REGLES}?region=${region}` : URL_REGLES } }]}
      />
      {etat.statut === 'erreur' && <AvisErreur erreur={etat.erreur} titre="Cette version n’a pas pu être affichée" />}
      {!version && etat.statut === 'chargement' && <Chargement texte="Chargement de la version…" />}
      {version && (
        <>
          <h1>
            Règles d’aiguillage : version {version.version} <StatutVersion version={version} />
          </h1>
          <p>
            {perimetre(version, noms)} – en vigueur à partir du {dateLisible(version.date_effet)} – déposée par {version.auteur} le{' '}
            {dateLisible(version.cree_le)}
            {version.publie_le ? `, publiée le ${dateLisible(version.publie_le)}` : ' (brouillon)'}.
          </p>
          {publiee && <Alert severity="success" small description="La version est publiée." className="fr-mb-3w" />}
          <ul className="fr-btns-group fr-btns-group--inline-md">
            <li>
              <Button priority="secondary" onClick={() => void essayer()} disabled={essaiEnCours}>
                Essayer sur les profils de test
              </Button>
            </li>
            {region && (
              <>
                <li>
                  <Lien className="fr-btn fr-btn--tertiary" href={urlComparaison(region, undefined, version.id)}>
                    Comparer avec une autre version
                  </Lien>
                </li>
                <li>
                  <Lien className="fr-btn fr-btn--tertiary" href={urlDepot(region, version.id)}>
                    Partir de cette version pour en déposer une nouvelle
                  </Lien>
                </li>
              </>
            )}
          </ul>
          {erreurEssai && <AvisErreur erreur={erreurEssai} titre="L’essai n’a pas abouti" />}
          {essaiEnCours && <Chargement texte="Essai sur les profils de test…" />}
          {essai && (
            <section aria-labelledby="titre-essai">
              <h2 id="titre-essai">Essai sur les profils de test</h2>
              <TableauEssai essai={essai} />
            </section>
          )}
          {version.statut === 'brouillon' && <Publication version={version} onPubliee={setPubliee} />}
          <ContenuRegles contenu={version.contenu} />
        </>
      )}
    </div>
  );
}

/** One version of the rules: its content in words, a test run, and its publication when it is a draft. */
export function PageVersionAiguillage({ id }: { id: string }) {
  return (
    <AccesReserve permission="aiguillage.regles.gerer">
      <Version id={id} />
    </AccesReserve>
  );
}
