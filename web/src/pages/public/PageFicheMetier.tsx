import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Summary } from '@codegouvfr/react-dsfr/Summary';
import type { ErreurApi } from '../../api/client.js';
import { type FicheMetier, lireFiche, lireQuestionnaire } from '../../api/metiers.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Chargement } from '../../components/Chargement.js';
import { useDonnees } from '../../components/useDonnees.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import { PerspectivesLocales } from '../../features/marche-travail/PerspectivesLocales.js';
import { CompetencesFiche, SavoirsFiche } from '../../features/metiers/CompetencesFiche.js';
import { RiasecFiche } from '../../features/metiers/RiasecFiche.js';
import { URL_METIERS, urlFiche, urlRapprochementDepuis } from '../../features/metiers/urls.js';
import { VoiesAcces } from '../../features/voies/VoiesAcces.js';
import { Lien } from '../../routeur.js';

const SECTIONS = [
  { id: 'definition', titre: 'Le métier' },
  { id: 'acces', titre: 'Accès au métier' },
  { id: 'competences', titre: 'Compétences' },
  { id: 'savoirs', titre: 'Connaissances' },
  { id: 'contextes', titre: 'Contextes de travail' },
  { id: 'interets', titre: 'Centres d’intérêt' },
  { id: 'proches', titre: 'Métiers proches' },
  { id: 'appellations', titre: 'Intitulés du métier' },
  { id: 'perspectives', titre: 'Perspectives près de chez vous' },
  { id: 'voies', titre: 'Les voies pour y arriver' },
] as const;
type IdSection = (typeof SECTIONS)[number]['id'];
const titre = (id: IdSection) => SECTIONS.find((s) => s.id === id)!.titre;

function Titre({ id }: { id: IdSection }) {
  return (
    <h2 id={`titre-${id}`} className="fr-mt-6w">
      {titre(id)}
    </h2>
  );
}

function Paragraphes({ textes, vide }: { textes: string[]; vide: string }) {
  if (textes.length === 0) return <p>{vide}</p>;
  return (
    <>
      {textes.map((t, i) => (
        <p key={i}>{t}</p>
      ))}
    </>
  );
}

/** A code the referential no longer has (410) or never had (404): what the API says, and where to go. */
function FicheIndisponible({ erreur }: { erreur: ErreurApi }) {
  const retiree = erreur.code === 'metiers.fiche_retiree';
  if (!retiree && erreur.code !== 'metiers.fiche_introuvable') return <AvisErreur erreur={erreur} titre="La fiche n’a pas pu être affichée" />;
  return (
    <>
      <h1>{retiree ? 'Fiche retirée du répertoire des métiers' : 'Fiche métier introuvable'}</h1>
      <Alert className="fr-my-3w" severity={retiree ? 'warning' : 'error'} small description={erreur.message} />
      <p>
        <Lien className="fr-link fr-icon-search-line fr-link--icon-left" href={URL_METIERS}>
          Rechercher le métier par son intitulé
        </Lien>
      </p>
    </>
  );
}

function Fiche({ fiche }: { fiche: FicheMetier }) {
  const questionnaire = useDonnees((signal) => lireQuestionnaire(signal), []);
  const coeurs = fiche.competences.savoir_faire
    .flatMap((c) => c.macro_competences.flatMap((m) => m.competences))
    .filter((c) => c.coeur_metier === 'principale');
  return (
    <>
      <h1 className="fr-mb-1w">{fiche.libelle}</h1>
      <p className="fr-text--sm">
        Fiche ROME {fiche.code} · {fiche.domaine_professionnel.libelle} ({fiche.grand_domaine.libelle}) · {fiche.version.libelle}
      </p>
      <ul className="fr-badges-group fr-mb-2w">
        {fiche.emploi_reglemente && (
          <li>
            <Badge small severity="warning">
              Emploi réglementé
            </Badge>
          </li>
        )}
        {fiche.emploi_cadre && (
          <li>
            <Badge small>Emploi de cadre</Badge>
          </li>
        )}
      </ul>
      <p>
        <Lien className="fr-btn fr-btn--secondary fr-icon-arrow-left-right-line fr-btn--icon-left" href={urlRapprochementDepuis(fiche.code)}>
          Comparer avec mes compétences
        </Lien>
      </p>
      <Summary title="Sur cette page" links={SECTIONS.map((s) => ({ text: s.titre, linkProps: { href: `#titre-${s.id}` } }))} />

      <section aria-labelledby="titre-definition">
        <Titre id="definition" />
        <Paragraphes textes={fiche.definition} vide="Le ROME ne donne pas de définition pour cette fiche." />
      </section>

      <section aria-labelledby="titre-acces">
        <Titre id="acces" />
        <Paragraphes textes={fiche.acces} vide="Le ROME ne précise pas de condition d’accès pour cette fiche." />
      </section>

      <section aria-labelledby="titre-competences">
        <Titre id="competences" />
        <p>
          {coeurs.length > 0
            ? `Le ROME place ${coeurs.length} savoir-faire au cœur du métier : ils sont signalés par le badge « Cœur de métier ».`
            : 'Le ROME ne signale pas de savoir-faire au cœur de ce métier.'}
        </p>
        <CompetencesFiche competences={fiche.competences} />
      </section>

      <section aria-labelledby="titre-savoirs">
        <Titre id="savoirs" />
        <SavoirsFiche savoirs={fiche.competences.savoirs} />
      </section>

      <section aria-labelledby="titre-contextes">
        <Titre id="contextes" />
        {fiche.contextes_travail.length === 0 ? (
          <p>Le ROME ne décrit pas de contexte de travail pour cette fiche.</p>
        ) : (
          fiche.contextes_travail.map((t) => (
            <div key={t.type}>
              <h3 className="fr-h6 fr-mb-1w">{t.type}</h3>
              <ul>
                {t.contextes.map((c) => (
                  <li key={c.code}>{c.libelle}</li>
                ))}
              </ul>
            </div>
          ))
        )}
      </section>

      <section aria-labelledby="titre-interets">
        <Titre id="interets" />
        <RiasecFiche riasec={fiche.riasec} lettres={questionnaire.donnees?.lettres ?? null} />
      </section>

      <section aria-labelledby="titre-proches">
        <Titre id="proches" />
        {fiche.mobilites.length === 0 ? (
          <p>Le ROME ne cite pas de métier proche pour cette fiche.</p>
        ) : (
          <>
            <p>Les métiers vers lesquels le ROME indique une mobilité possible, dans l’ordre où il les cite :</p>
            <ol>
              {fiche.mobilites.map((m) => (
                <li key={m.code}>
                  <Lien href={urlFiche(m.code)}>{m.libelle}</Lien> ({m.code})
                </li>
              ))}
            </ol>
          </>
        )}
      </section>

      <section aria-labelledby="titre-appellations">
        <Titre id="appellations" />
        <Accordion titleAs="h3" label={`Les ${fiche.appellations.length} intitulés d’emploi de cette fiche`}>
          <ul>
            {fiche.appellations.map((a) => (
              <li key={a.code}>
                {a.libelle}
                {a.principale && ' (intitulé principal)'}
                {a.peu_usitee && ' (peu usité)'}
              </li>
            ))}
          </ul>
        </Accordion>
      </section>

      <section aria-labelledby="titre-perspectives">
        <Titre id="perspectives" />
        <PerspectivesLocales rome={{ code: fiche.code, libelle: fiche.libelle }} />
      </section>

      <section aria-labelledby="titre-voies">
        <Titre id="voies" />
        <VoiesAcces codeRome={fiche.code} libelleMetier={fiche.libelle} />
      </section>
    </>
  );
}

/** An occupation's fiche, with its local prospects and the routes to it. */
export function PageFicheMetier({ code }: { code: string }) {
  const etat = useDonnees((signal) => lireFiche(code, signal), [code]);
  useTitrePage(etat.donnees ? `${etat.donnees.libelle} – Fiche métier` : 'Fiche métier');
  return (
    <div className="fr-container fr-pb-6w">
      <Breadcrumb
        currentPageLabel={etat.donnees?.libelle ?? code}
        homeLinkProps={{ href: '/' }}
        segments={[{ label: 'Rechercher un métier', linkProps: { href: URL_METIERS } }]}
      />
      {etat.statut === 'chargement' && <Chargement texte="Chargement de la fiche métier…" />}
      {etat.statut === 'erreur' && <FicheIndisponible erreur={etat.erreur} />}
      {etat.statut === 'pret' && <Fiche fiche={etat.donnees} />}
    </div>
  );
}
