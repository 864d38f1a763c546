import './aiguillage.css';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { lazy } from 'react';
import { CarteSurDemande } from '../../components/CarteSurDemande.js';
import { lienWeb } from '../annuaire/Coordonnees.js';
import type { ReponseAiguillage } from './api.js';
import type { LieuSurCarte } from './CarteLieux.js';
import { LieuProche } from './LieuProche.js';

const CarteLieux = lazy(() => import('./CarteLieux.js').then((m) => ({ default: m.CarteLieux })));

type Operateur = ReponseAiguillage['operateurs'][number];
type Canal = Operateur['canaux_distance'][number];

function lienCanal(canal: Canal): string {
  if (canal.type === 'telephone') return `tel:${canal.valeur.replace(/\s+/g, '')}`;
  if (canal.type === 'courriel') return `mailto:${canal.valeur}`;
  return lienWeb(canal.valeur);
}

function Raisons({ raisons }: { raisons: Operateur['raisons'] }) {
  return (
    <ul className="fr-mb-2w">
      {raisons.map((r) => (
        <li key={r.regle}>{r.texte}</li>
      ))}
    </ul>
  );
}

function Lieux({ sites, nom }: { sites: Operateur['sites']; nom: string }) {
  if (sites.length === 0) return <p>Aucun lieu d’accueil de {nom} n’est connu de l’annuaire près de chez vous : utilisez les contacts à distance.</p>;
  return (
    <>
      {sites.map((s) => (
        <LieuProche key={s.id} site={s} />
      ))}
    </>
  );
}

function CarteOperateur({ operateur }: { operateur: Operateur }) {
  const idTitre = `operateur-${operateur.type}`;
  return (
    <section className={`fr-p-3w fr-mb-4w ${operateur.recommande ? 'trj-operateur-recommande' : 'trj-fiche-lieu'}`} aria-labelledby={idTitre}>
      <h3 id={idTitre} className="fr-h4 fr-mb-1w">
        {operateur.libelle}{' '}
        {operateur.recommande && (
          <Badge severity="new" as="span">
            Conseillé pour vous
          </Badge>
        )}
      </h3>
      {operateur.raison_recommandation && <p className="fr-text--lead fr-mb-2w">{operateur.raison_recommandation}</p>}
      <p className="fr-mb-1v fr-text--bold">Pourquoi cet opérateur :</p>
      <Raisons raisons={operateur.raisons} />
      <h4 className="fr-h6 fr-mb-1w">Les lieux d’accueil les plus proches</h4>
      <Lieux sites={operateur.sites} nom={operateur.libelle} />
      {operateur.canaux_distance.length > 0 && (
        <>
          <h4 className="fr-h6 fr-mb-1w">À distance</h4>
          <ul>
            {operateur.canaux_distance.map((c) => (
              <li key={`${c.type}-${c.valeur}`}>
                <a
                  href={lienCanal(c)}
                  {...(c.type === 'en_ligne' ? { target: '_blank', rel: 'noopener noreferrer', title: `${c.libelle} – nouvelle fenêtre` } : {})}
                >
                  {c.libelle}
                </a>
                {c.precision ? ` – ${c.precision}` : ''}
              </li>
            ))}
          </ul>
        </>
      )}
      {operateur.a_apporter.length > 0 && (
        <>
          <h4 className="fr-h6 fr-mb-1w">À apporter au premier rendez-vous</h4>
          <ul className="fr-mb-0">
            {operateur.a_apporter.map((a) => (
              <li key={a}>{a}</li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

/** The routing answer: every competent operator (the recommended one first), other orientations, a map of the places. */
export function ReponseConseillers({ reponse }: { reponse: ReponseAiguillage }) {
  const lieux: LieuSurCarte[] = [
    ...reponse.operateurs.flatMap((o) => o.sites.map((site) => ({ site, pour: o.libelle }))),
    ...reponse.autres_orientations.flatMap((o) => o.sites.map((site) => ({ site, pour: o.libelle }))),
  ];
  return (
    <div>
      {reponse.operateurs.length > 0 ? (
        <>
          <h2>
            {reponse.operateurs.length === 1 ? 'Un conseiller peut vous accompagner' : `${reponse.operateurs.length} conseillers peuvent vous accompagner`}
          </h2>
          <p>
            Le conseil en évolution professionnelle est gratuit. {reponse.operateurs.length > 1 ? 'Vous choisissez à qui vous adresser : ' : ''}
            {reponse.operateurs.length > 1 ? 'celui qui est mis en avant correspond le mieux à votre situation.' : ''}
          </p>
          {reponse.operateurs.map((o) => (
            <CarteOperateur key={o.type} operateur={o} />
          ))}
        </>
      ) : (
        <h2>Où vous adresser</h2>
      )}
      {reponse.autres_orientations.length > 0 && (
        <>
          {reponse.operateurs.length > 0 && <h2>Autres possibilités</h2>}
          {reponse.autres_orientations.map((o) => (
            <section key={o.code} className="fr-p-3w fr-mb-4w trj-fiche-lieu" aria-labelledby={`orientation-${o.code}`}>
              <h3 id={`orientation-${o.code}`} className="fr-h4 fr-mb-1w">
                {o.libelle}
              </h3>
              <Raisons raisons={o.raisons} />
              {o.sites.length > 0 && (
                <>
                  <h4 className="fr-h6 fr-mb-1w">Les lieux les plus proches</h4>
                  <Lieux sites={o.sites} nom={o.libelle} />
                </>
              )}
            </section>
          ))}
        </>
      )}
      {lieux.length > 0 && (
        <>
          <h2>Sur la carte</h2>
          <CarteSurDemande>
            <CarteLieux lieux={lieux} region={reponse.commune.region_code} />
          </CarteSurDemande>
        </>
      )}
    </div>
  );
}
