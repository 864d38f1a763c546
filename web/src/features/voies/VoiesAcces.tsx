import { Accordion } from '@codegouvfr/react-dsfr/Accordion';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type FormEvent, useId, useState } from 'react';
import { lireVoies, type VoieReponse, type VoiesReponse } from '../../api/voies.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Chargement } from '../../components/Chargement.js';
import { useDonnees } from '../../components/useDonnees.js';
import { BadgeDemonstration } from '../annuaire/BadgeDemonstration.js';
import { ChampCommune, useCommuneSaisie } from '../annuaire/ChampCommune.js';
import { RAYONS_KM, urlAnnuaire } from '../annuaire/criteres.js';
import { adresseDe } from '../annuaire/FicheLieu.js';
import { distanceFrancaise } from '../annuaire/libelles.js';

interface Props {
  /** ROME code of the occupation aimed at, when the component sits on an occupation's page. */
  codeRome?: string;
  libelleMetier?: string;
}

interface Lieu {
  commune: string;
  /** Empty: the API's default radius, which its answer states. */
  rayonKm: string;
}

const nombre = new Intl.NumberFormat('fr-FR');

function Liste({ elements, ordonnee = false }: { elements: string[]; ordonnee?: boolean }) {
  const Balise = ordonnee ? 'ol' : 'ul';
  return (
    <Balise>
      {elements.map((e) => (
        <li key={e}>{e}</li>
      ))}
    </Balise>
  );
}

function ServicesProches({ voie, recherche }: { voie: VoieReponse; recherche: VoiesReponse['recherche'] }) {
  const { proches } = voie;
  if (!proches || !recherche.commune || recherche.rayon_km === null) {
    return <p>Indiquez votre commune ci-dessus pour voir les services proches de chez vous qui proposent cette voie.</p>;
  }
  const lienAnnuaire = urlAnnuaire({
    commune: recherche.commune.code,
    rayon_km: String(recherche.rayon_km),
    thematique: voie.thematiques.join(','),
    tri: 'distance',
  });
  if (proches.services.length === 0) {
    return (
      <p>
        Aucun service de l’annuaire ne propose cette voie à moins de {recherche.rayon_km} km de {recherche.commune.nom}. Choisissez une distance plus grande, ou
        adressez-vous à un conseiller en évolution professionnelle, qui vous orientera gratuitement.
      </p>
    );
  }
  const total = proches.total_exact ? nombre.format(proches.total) : `plus de ${nombre.format(proches.total)}`;
  return (
    <>
      <ul className="trj-voies__services">
        {proches.services.map((s) => {
          const adresse = s.site ? adresseDe(s.site) : null;
          return (
            <li key={s.id} className="fr-mb-2w">
              <a href={`/services/${s.id}`} className="fr-link">
                {s.nom} – {s.structure.nom}
              </a>
              {s.demonstration && (
                <>
                  {' '}
                  <BadgeDemonstration small />
                </>
              )}
              <br />
              <span className="fr-text--sm">
                {adresse ?? 'Adresse non renseignée'}
                {s.distance_km !== null && ` · à ${distanceFrancaise(s.distance_km)}`}
              </span>
            </li>
          );
        })}
      </ul>
      {proches.total > proches.services.length && (
        <p>
          <a href={lienAnnuaire} className="fr-link fr-icon-arrow-right-line fr-link--icon-right">
            Voir les {total} services de l’annuaire qui proposent cette voie à moins de {recherche.rayon_km} km
          </a>
        </p>
      )}
    </>
  );
}

function DetailVoie({ voie, recherche }: { voie: VoieReponse; recherche: VoiesReponse['recherche'] }) {
  return (
    <>
      <p>{voie.description}</p>
      <h4 className="fr-h6">Pour qui</h4>
      <p>{voie.pour_qui}</p>
      <h4 className="fr-h6">Ce qu’elle demande</h4>
      <Liste elements={voie.conditions} />
      <h4 className="fr-h6">Durée</h4>
      <p>{voie.duree}</p>
      <h4 className="fr-h6">Financement</h4>
      <Liste elements={voie.financement} />
      <h4 className="fr-h6">Les étapes</h4>
      <Liste elements={voie.etapes} ordonnee />
      <h4 className="fr-h6">Textes et pages officiels</h4>
      <ul>
        {voie.references.map((r) => (
          <li key={r.libelle}>{r.adresse ? <a href={r.adresse}>{r.libelle}</a> : r.libelle}</li>
        ))}
      </ul>
      <h4 className="fr-h6">Près de chez vous</h4>
      <ServicesProches voie={voie} recherche={recherche} />
    </>
  );
}

/**
 * The routes to an occupation (training, VAE, skills assessment, work immersion, business
 * creation): what each asks, and the directory services near a commune that offer it. The commune
 * only shapes the answer; nothing is kept.
 */
export function VoiesAcces({ codeRome, libelleMetier }: Props) {
  const idTitre = useId();
  const { commune, choisir, erreurCommune, envoi, codeAEnvoyer } = useCommuneSaisie({ texte: '', code: null });
  const [rayon, setRayon] = useState('');
  const [lieu, setLieu] = useState<Lieu | null>(null);
  const [communeManquante, setCommuneManquante] = useState(false);
  const etat = useDonnees(
    (signal) =>
      lireVoies({ metier: codeRome, ...(lieu ? { commune: lieu.commune, ...(lieu.rayonKm ? { rayon_km: Number(lieu.rayonKm) } : {}) } : {}) }, signal),
    [codeRome, lieu?.commune, lieu?.rayonKm],
  );

  const chercher = async (e: FormEvent) => {
    e.preventDefault();
    const code = await codeAEnvoyer();
    setCommuneManquante(code === null);
    if (code) setLieu({ commune: code, rayonKm: rayon });
  };

  const reponse = etat.donnees;
  return (
    <section aria-labelledby={idTitre} className="trj-voies">
      <h2 id={idTitre}>{libelleMetier ? `Les voies d’accès au métier « ${libelleMetier} »` : 'Les voies d’accès à un métier'}</h2>
      <form onSubmit={(e) => void chercher(e)} noValidate className="fr-mb-3w">
        <div className="fr-grid-row fr-grid-row--gutters">
          <div className="fr-col-12 fr-col-md-7">
            <ChampCommune
              label="Votre commune"
              valeur={commune}
              onChange={(v) => {
                setCommuneManquante(false);
                choisir(v);
              }}
              erreur={
                erreurCommune ?? (communeManquante ? 'Indiquez votre commune : saisissez son nom ou son code postal, puis choisissez-la dans la liste.' : null)
              }
            />
          </div>
          <div className="fr-col-12 fr-col-md-5">
            <Select label="Distance maximale" nativeSelectProps={{ name: 'rayon_km', value: rayon, onChange: (e) => setRayon(e.target.value) }}>
              <option value="">Par défaut (30 km)</option>
              {RAYONS_KM.map((r) => (
                <option key={r} value={r}>
                  {r} km
                </option>
              ))}
            </Select>
          </div>
        </div>
        <Button type="submit" iconId="fr-icon-search-line" disabled={envoi} className="fr-mt-2w">
          Voir les services proches
        </Button>
      </form>

      {etat.statut === 'chargement' && <Chargement texte="Recherche des voies d’accès et des services proches…" />}
      {etat.statut === 'erreur' && <AvisErreur erreur={etat.erreur} titre="Les voies d’accès n’ont pas pu être chargées" />}
      {reponse && (
        <>
          <p role="status">
            {reponse.recherche.commune
              ? `${reponse.voies.length} voies d’accès, avec les services qui les proposent à moins de ${reponse.recherche.rayon_km} km de ${reponse.recherche.commune.nom}.`
              : `${reponse.voies.length} voies d’accès. Indiquez votre commune pour voir les services qui les proposent près de chez vous.`}
          </p>
          <div className="fr-accordions-group">
            {reponse.voies.map((v) => (
              <Accordion key={v.code} label={v.libelle} titleAs="h3">
                <DetailVoie voie={v} recherche={reponse.recherche} />
              </Accordion>
            ))}
          </div>
          <p className="fr-text--xs fr-mt-2w">
            {reponse.avertissement} Sources : {reponse.source} Version {reponse.version} du {new Date(reponse.date).toLocaleDateString('fr-FR')}.
          </p>
        </>
      )}
    </section>
  );
}
