import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { useEffect, useRef, useState } from 'react';
import type { ErreurApi } from '../../api/client.js';
import { lireCompetences, rapprocherMetiers } from '../../api/metiers.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Chargement } from '../../components/Chargement.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import { enErreurApi } from '../../features/identite/navigation.js';
import { ChoixExperience } from '../../features/metiers/ChoixExperience.js';
import { CompetencesExperience } from '../../features/metiers/CompetencesExperience.js';
import {
  cleExperience,
  ETAT_VIDE,
  type EtatRapprochement,
  estEtatRapprochement,
  EXPERIENCES_PAGE_MAX,
  type ExperienceChoisie,
} from '../../features/metiers/rapprochement.js';
import { Suggestions } from '../../features/metiers/Suggestions.js';
import { URL_METIERS, URL_RAPPROCHEMENT } from '../../features/metiers/urls.js';
import { useEtatSession } from '../../features/metiers/useEtatSession.js';
import { naviguer } from '../../routeur.js';

const CLE_SESSION = 'trajectoires.metiers.rapprochement';
const FORMAT_ROME = /^[A-Z]\d{4}$/;

/**
 * "?depuis=J1501" (the link of a fiche) adds that fiche as an experience, then leaves the address,
 * so that "back" and a reload do not add it again.
 */
function useExperienceDepuis(recherche: string, ajouter: (e: ExperienceChoisie) => void, setErreur: (e: ErreurApi) => void) {
  const depuis = new URLSearchParams(recherche).get('depuis')?.toUpperCase() ?? '';
  useEffect(() => {
    if (!depuis) return;
    naviguer(URL_RAPPROCHEMENT, { remplacer: true });
    if (!FORMAT_ROME.test(depuis)) return;
    lireCompetences(depuis).then(
      (f) => ajouter({ experience: { metier: f.code }, libelle: f.libelle, codeRome: f.code }),
      (e: unknown) => setErreur(enErreurApi(e)),
    );
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per address
  }, [depuis]);
}

/** "Rapprocher mes compétences": experiences, ticked skills, then the closest occupations, explained. */
export function PageRapprochement({ recherche }: { recherche: string }) {
  useTitrePage('Rapprocher mes compétences des métiers');
  const [etat, setEtat] = useEtatSession<EtatRapprochement>(CLE_SESSION, ETAT_VIDE, estEtatRapprochement);
  const [envoi, setEnvoi] = useState<{ statut: 'repos' } | { statut: 'incomplet' } | { statut: 'chargement' } | { statut: 'erreur'; erreur: ErreurApi }>({
    statut: 'repos',
  });
  const [annonce, setAnnonce] = useState('');
  const titreExperiences = useRef<HTMLHeadingElement>(null);
  const titreResultats = useRef<HTMLHeadingElement>(null);
  const doitFocaliser = useRef(false);
  const { experiences, cochees, resultat } = etat;
  const cles = experiences.map((e) => cleExperience(e.experience));

  // Any change to the background makes the shown ranking stale: it is removed, not left to mislead.
  const modifier = (maj: (avant: EtatRapprochement) => Omit<EtatRapprochement, 'resultat'>) => {
    setEtat((avant) => ({ ...maj(avant), resultat: null }));
    setEnvoi({ statut: 'repos' });
  };

  const ajouter = (e: ExperienceChoisie) => {
    if (cles.includes(cleExperience(e.experience))) setAnnonce(`« ${e.libelle} » figure déjà dans vos expériences.`);
    else if (experiences.length >= EXPERIENCES_PAGE_MAX)
      setAnnonce(`« ${e.libelle} » n’a pas été ajouté : retirez d’abord une de vos ${EXPERIENCES_PAGE_MAX} expériences.`);
    else {
      modifier((avant) => ({ ...avant, experiences: [...avant.experiences, e] }));
      setAnnonce(`« ${e.libelle} » ajouté à vos expériences.`);
    }
    titreExperiences.current?.focus();
  };
  const retirer = (e: ExperienceChoisie) => {
    modifier((avant) => ({ ...avant, experiences: avant.experiences.filter((x) => x !== e) }));
    setAnnonce(`« ${e.libelle} » retiré de vos expériences.`);
    titreExperiences.current?.focus();
  };
  const cocher = (codes: string[], coche: boolean) =>
    modifier((avant) => ({ ...avant, cochees: coche ? [...new Set([...avant.cochees, ...codes])] : avant.cochees.filter((c) => !codes.includes(c)) }));

  useExperienceDepuis(recherche, ajouter, (erreur) => setEnvoi({ statut: 'erreur', erreur }));

  useEffect(() => {
    if (resultat && doitFocaliser.current) {
      doitFocaliser.current = false;
      titreResultats.current?.focus();
    }
  }, [resultat]);

  const rapprocher = async () => {
    if (experiences.length === 0 && cochees.length === 0) {
      setEnvoi({ statut: 'incomplet' });
      return;
    }
    setEnvoi({ statut: 'chargement' });
    try {
      const reponse = await rapprocherMetiers({ experiences: experiences.map((e) => e.experience), competences: cochees, limite: 10 });
      doitFocaliser.current = true;
      setEtat((avant) => ({ ...avant, resultat: reponse }));
      setEnvoi({ statut: 'repos' });
    } catch (e) {
      setEnvoi({ statut: 'erreur', erreur: enErreurApi(e) });
    }
  };

  const cocheesSet = new Set(cochees);
  return (
    <div className="fr-container fr-pb-6w">
      <Breadcrumb
        currentPageLabel="Rapprocher mes compétences"
        homeLinkProps={{ href: '/' }}
        segments={[{ label: 'Rechercher un métier', linkProps: { href: URL_METIERS } }]}
      />
      <h1>Rapprocher mes compétences des métiers</h1>
      <p className="fr-text--lead">
        Indiquez jusqu’à {EXPERIENCES_PAGE_MAX} métiers que vous avez exercés et cochez ce que vous savez faire : les métiers du répertoire les plus proches de
        votre parcours s’affichent, chacun expliqué. Rien n’est enregistré.
      </p>

      <section aria-labelledby="titre-experiences">
        <h2 id="titre-experiences" ref={titreExperiences} tabIndex={-1}>
          1. Vos expériences ({experiences.length} sur {EXPERIENCES_PAGE_MAX})
        </h2>
        <p className="fr-text--sm" role="status">
          {annonce}
        </p>
        {experiences.length === 0 ? (
          <p>Aucune expérience pour l’instant : cherchez un métier que vous avez exercé, puis choisissez son intitulé.</p>
        ) : (
          <ul className="trj-liste-nue">
            {experiences.map((e) => (
              <li key={cleExperience(e.experience)} className="trj-experience fr-mb-1w">
                <span>
                  <strong>{e.libelle}</strong> <span className="fr-text--sm">(fiche {e.codeRome})</span>
                </span>
                <Button type="button" priority="tertiary no outline" size="small" iconId="fr-icon-delete-line" iconPosition="left" onClick={() => retirer(e)}>
                  {`Retirer « ${e.libelle} »`}
                </Button>
              </li>
            ))}
          </ul>
        )}
        {experiences.length < EXPERIENCES_PAGE_MAX ? (
          <ChoixExperience dejaChoisies={cles} onChoisir={ajouter} />
        ) : (
          <p className="fr-text--sm">Vous avez indiqué {EXPERIENCES_PAGE_MAX} expériences : retirez-en une pour en choisir une autre.</p>
        )}
      </section>

      <section aria-labelledby="titre-competences" className="fr-mt-4w">
        <h2 id="titre-competences">2. Vos compétences</h2>
        {experiences.length === 0 ? (
          <p>Les compétences à cocher s’affichent ici dès que vous avez indiqué une expérience.</p>
        ) : (
          <>
            <p>
              Cochez ce que vous savez faire ({cochees.length} coché{cochees.length > 1 ? 'es' : 'e'}). Sans rien cocher, toutes les compétences de vos
              expériences sont prises en compte.
            </p>
            {experiences.map((e) => (
              <CompetencesExperience key={cleExperience(e.experience)} experience={e} cochees={cocheesSet} onCocher={cocher} />
            ))}
          </>
        )}
      </section>

      <div className="fr-mt-4w">
        <Button type="button" iconId="fr-icon-search-line" iconPosition="left" disabled={envoi.statut === 'chargement'} onClick={() => void rapprocher()}>
          Voir les métiers proches
        </Button>
      </div>
      {envoi.statut === 'chargement' && <Chargement texte="Recherche des métiers proches de votre parcours…" />}
      {envoi.statut === 'incomplet' && (
        <Alert
          className="fr-my-3w"
          severity="error"
          small
          role="alert"
          description="Indiquez au moins une expérience ou cochez une compétence, puis réessayez."
        />
      )}
      {envoi.statut === 'erreur' && <AvisErreur erreur={envoi.erreur} titre="Le rapprochement n’a pas abouti" />}

      {resultat && (
        <section aria-labelledby="titre-resultats" className="fr-mt-6w">
          <h2 id="titre-resultats" ref={titreResultats} tabIndex={-1}>
            {resultat.suggestions.length === 0 ? 'Aucun métier proche trouvé' : `Les ${resultat.suggestions.length} métiers les plus proches de votre parcours`}
          </h2>
          {resultat.competences_deduites_des_experiences && (
            <Alert
              className="fr-mb-3w"
              severity="info"
              small
              description="Vous n’avez coché aucune compétence : toutes celles des fiches de vos expériences ont été comptées comme acquises. Cochez-les pour un classement plus juste."
            />
          )}
          {resultat.suggestions.length === 0 ? (
            <p>Aucune fiche ne partage de compétence avec celles indiquées : cochez d’autres compétences ou ajoutez une expérience.</p>
          ) : (
            <Suggestions suggestions={resultat.suggestions} />
          )}
          <p className="fr-text--xs">
            Classement calculé sur le {resultat.version.libelle} : part des compétences de chaque fiche déjà acquises (celles du cœur du métier comptent
            double), et mobilités que le ROME cite depuis vos expériences.
          </p>
        </section>
      )}
    </div>
  );
}
