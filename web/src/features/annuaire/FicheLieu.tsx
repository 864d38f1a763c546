import type { Lieu } from '../../api/types.js';
import { BadgeDemonstration } from './BadgeDemonstration.js';
import { Coordonnees } from './Coordonnees.js';
import { Horaires } from './Horaires.js';
import { dateFrancaise, libelleCanal, libelleSource } from './libelles.js';

export function adresseDe(lieu: Pick<Lieu, 'adresse' | 'code_postal' | 'commune'>): string | null {
  const ville = [lieu.code_postal, lieu.commune?.nom].filter(Boolean).join(' ');
  const morceaux = [lieu.adresse, ville].filter(Boolean);
  return morceaux.length > 0 ? morceaux.join(', ') : null;
}

/** One reception site: address, hours, channels, contact details, accessibility, source. */
export function FicheLieu({ lieu, niveauTitre = 3 }: { lieu: Lieu; niveauTitre?: 2 | 3 }) {
  const Titre = niveauTitre === 2 ? 'h2' : 'h3';
  const SousTitre = niveauTitre === 2 ? 'h3' : 'h4';
  const adresse = adresseDe(lieu);
  return (
    <section className="trj-fiche-lieu fr-p-3w fr-mb-3w" aria-labelledby={`lieu-${lieu.id}`}>
      <Titre id={`lieu-${lieu.id}`} className="fr-h5">
        {lieu.nom} {lieu.demonstration && <BadgeDemonstration small />}
      </Titre>
      <SousTitre className="fr-text--md fr-mb-1w">Adresse</SousTitre>
      <p>
        {adresse ?? 'Adresse non renseignée'}
        {lieu.position_approximative && <span className="fr-hint-text">Position sur la carte approximative (centre de la commune).</span>}
        {!lieu.accueil_public && <span className="fr-hint-text">Ce lieu n’accueille pas de public sans rendez-vous.</span>}
      </p>
      <SousTitre className="fr-text--md fr-mb-1w">Horaires d’ouverture</SousTitre>
      <Horaires horaires={lieu.horaires} texte={lieu.horaires_texte} />
      {lieu.canaux.length > 0 && (
        <>
          <SousTitre className="fr-text--md fr-mt-2w fr-mb-1w">Modes de contact</SousTitre>
          <ul className="fr-tags-group">
            {lieu.canaux.map((c) => (
              <li key={c}>
                <p className="fr-tag fr-tag--sm">{libelleCanal(c)}</p>
              </li>
            ))}
          </ul>
        </>
      )}
      <Coordonnees telephone={lieu.telephone} courriel={lieu.courriel} siteWeb={lieu.site_web} priseRdv={lieu.prise_rdv} nom={lieu.nom} />
      <SousTitre className="fr-text--md fr-mt-2w fr-mb-1w">Accessibilité</SousTitre>
      <p>{lieu.accessibilite ?? 'Informations d’accessibilité non renseignées.'}</p>
      <p className="fr-text--sm fr-mb-0 trj-source">
        Source : {libelleSource(lieu.source)} – données du {dateFrancaise(lieu.date_donnees)}
      </p>
    </section>
  );
}
