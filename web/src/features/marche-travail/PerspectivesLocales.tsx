import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Badge } from '@codegouvfr/react-dsfr/Badge';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { type FormEvent, type RefObject, useEffect, useRef, useState } from 'react';
import type { ErreurApi } from '../../api/client.js';
import { lirePerspectives, type PerspectivesReponse } from '../../api/marche-travail.js';
import { AvisErreur } from '../../components/AvisErreur.js';
import { Chargement } from '../../components/Chargement.js';
import { Lien } from '../../routeur.js';
import { ChampCommune, useCommuneSaisie } from '../annuaire/ChampCommune.js';
import { ChiffresRecrutement } from './ChiffresRecrutement.js';
import { ChoixMetierBmo } from './ChoixMetierBmo.js';
import { CourbeChomage } from './CourbeChomage.js';
import { citerSource, formaterEntier } from './format.js';

const FORMAT_ROME = /^[A-N]\d{4}$/;

export interface PerspectivesLocalesProps {
  /** The occupation the page is about, when there is one: its ROME code gives the 2020 tension. */
  rome?: { code: string; libelle: string };
}

/**
 * An occupation's local prospects: asks for a commune and the BMO family the person chooses,
 * then shows the recruitment projects of the commune's BMO area, the 2020 tension of the ROME
 * code there, and the unemployment rate of the employment area, each with its source.
 */
export function PerspectivesLocales({ rome }: PerspectivesLocalesProps) {
  const { commune, choisir, erreurCommune, envoi, codeAEnvoyer } = useCommuneSaisie({ texte: '', code: null });
  const [metier, setMetier] = useState('');
  const [romeSaisi, setRomeSaisi] = useState('');
  const [erreurs, setErreurs] = useState<{ commune?: string; metier?: string; rome?: string }>({});
  const [etat, setEtat] = useState<
    { statut: 'vide' } | { statut: 'chargement' } | { statut: 'erreur'; erreur: ErreurApi } | { statut: 'pret'; reponse: PerspectivesReponse }
  >({
    statut: 'vide',
  });
  const titreResultat = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (etat.statut === 'pret') titreResultat.current?.focus();
  }, [etat]);

  const envoyer = async (e: FormEvent) => {
    e.preventDefault();
    const romeCode = rome?.code ?? romeSaisi.trim().toUpperCase();
    const nouvelles = {
      ...(metier ? {} : { metier: 'Choisissez une famille de métiers dans la liste.' }),
      ...(romeCode === '' || FORMAT_ROME.test(romeCode) ? {} : { rome: 'Code ROME attendu : une lettre et 4 chiffres, par exemple M1607.' }),
    };
    const code = await codeAEnvoyer();
    setErreurs(code === null ? { ...nouvelles, commune: 'Indiquez une commune : son nom ou son code postal.' } : nouvelles);
    if (!code || Object.keys(nouvelles).length > 0) return;
    setEtat({ statut: 'chargement' });
    try {
      const reponse = await lirePerspectives({ commune: code, metier_bmo: metier, ...(romeCode ? { rome: romeCode } : {}) });
      setEtat({ statut: 'pret', reponse });
    } catch (erreur) {
      setEtat({ statut: 'erreur', erreur: erreur as ErreurApi });
    }
  };

  return (
    <div className="trj-perspectives">
      {rome && (
        <Alert
          severity="info"
          small
          className="fr-mb-3w"
          description={
            <>
              Aucune table officielle ne relie le métier {rome.libelle} ({rome.code}, ROME 4.0) aux familles de métiers de l’enquête BMO. Choisissez la famille
              qui vous semble lui correspondre : les projets de recrutement affichés seront ceux de cette famille.
            </>
          }
        />
      )}
      <form onSubmit={(e) => void envoyer(e)} noValidate aria-label="Perspectives locales d’un métier">
        <ChampCommune
          label="Commune"
          valeur={commune}
          onChange={(valeur) => {
            choisir(valeur);
            setErreurs(({ commune: _corrigee, ...autres }) => autres);
          }}
          erreur={erreurCommune ?? erreurs.commune ?? null}
        />
        <ChoixMetierBmo
          valeur={metier}
          onChange={(code) => {
            setMetier(code);
            setErreurs(({ metier: _corrige, ...autres }) => autres);
          }}
          erreur={erreurs.metier ?? null}
        />
        {!rome && (
          <Input
            label="Code ROME du métier (facultatif)"
            hintText="Pour voir les offres, demandeurs et la tension de 2020 ; par exemple M1607"
            state={erreurs.rome ? 'error' : 'default'}
            stateRelatedMessage={erreurs.rome}
            nativeInputProps={{ value: romeSaisi, onChange: (e) => setRomeSaisi(e.target.value), autoComplete: 'off', maxLength: 5, spellCheck: false }}
          />
        )}
        <Button type="submit" disabled={envoi || etat.statut === 'chargement'}>
          Voir les perspectives
        </Button>
      </form>

      {etat.statut === 'chargement' && <Chargement texte="Recherche des chiffres du marché du travail…" />}
      {etat.statut === 'erreur' && <AvisErreur erreur={etat.erreur} titre="Les perspectives n’ont pas pu être affichées" />}
      {etat.statut === 'pret' && <Resultat reponse={etat.reponse} titreRef={titreResultat} />}
    </div>
  );
}

function Resultat({ reponse, titreRef }: { reponse: PerspectivesReponse; titreRef: RefObject<HTMLHeadingElement | null> }) {
  const { commune, bassin_bmo: bassin, zone_emploi: zone, metier_bmo: metier, recrutements, tension, chomage } = reponse;
  return (
    <section className="fr-mt-5w" aria-labelledby="perspectives-titre">
      <h2 id="perspectives-titre" ref={titreRef} tabIndex={-1}>
        {metier ? `${metier.libelle} près de ${commune.nom}` : `Le marché du travail près de ${commune.nom}`}
      </h2>
      <p>
        {commune.nom} ({commune.departement.nom}) fait partie{' '}
        {bassin ? (
          <>
            du bassin d’emploi BMO <Lien href={`/territoires/bassins/${encodeURIComponent(bassin.code)}`}>{bassin.libelle}</Lien>
          </>
        ) : (
          'd’aucun bassin d’emploi BMO connu'
        )}
        {zone ? ` et de la zone d’emploi ${zone.libelle ?? zone.code}` : ''}.
      </p>
      <p className="fr-text--sm trj-avertissement-demo">{reponse.correspondance_message}</p>

      <h3>Projets de recrutement{recrutements.disponible ? ` en ${recrutements.annee}` : ''} (enquête BMO)</h3>
      {recrutements.disponible ? (
        <>
          <ChiffresRecrutement chiffres={recrutements} />
          <p className="fr-text--sm trj-source">
            Source : {citerSource(recrutements.source)}. {recrutements.source.avertissement}
          </p>
        </>
      ) : (
        <p>{recrutements.message}</p>
      )}

      <h3>Offres, demandeurs d’emploi et tension en 2020</h3>
      {tension.disponible ? (
        <>
          <p>
            <Badge severity="warning" small>
              Données 2020 de démonstration
            </Badge>
          </p>
          <ul className="trj-chiffres">
            <li>
              <span className="trj-chiffre">{formaterEntier(tension.offres)}</span> offres d’emploi en {tension.annee} pour {tension.rome.libelle} (
              {tension.rome.code})
            </li>
            <li>
              <span className="trj-chiffre">{formaterEntier(tension.demandeurs)}</span> demandeurs d’emploi
            </li>
            <li>
              <span className="trj-chiffre">{tension.indice_tension} sur 5</span> indicateur de tension (1 faible, 5 forte)
            </li>
          </ul>
          <p className="fr-text--sm trj-avertissement-demo">
            {tension.source.avertissement} Source : {citerSource(tension.source)}.
          </p>
        </>
      ) : (
        <p>{tension.message}</p>
      )}

      <h3>Taux de chômage {chomage.disponible ? `de la zone d’emploi ${chomage.zone_emploi.libelle ?? chomage.zone_emploi.code}` : ''}</h3>
      {chomage.disponible ? (
        <>
          <CourbeChomage
            titre={`Taux de chômage de la zone d’emploi ${chomage.zone_emploi.libelle ?? chomage.zone_emploi.code}`}
            series={[{ nom: chomage.zone_emploi.libelle ?? chomage.zone_emploi.code, points: chomage.serie }]}
          />
          <p className="fr-text--sm trj-source">Source : {citerSource(chomage.source)}.</p>
        </>
      ) : (
        <p>{chomage.message}</p>
      )}
    </section>
  );
}
