import { Alert } from '@codegouvfr/react-dsfr/Alert';
import { Breadcrumb } from '@codegouvfr/react-dsfr/Breadcrumb';
import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { Upload } from '@codegouvfr/react-dsfr/Upload';
import { type FormEvent, useEffect, useState } from 'react';
import type { ErreurApi } from '../../api/client.js';
import { Chargement } from '../../components/Chargement.js';
import { useTitrePage } from '../../components/useTitrePage.js';
import '../../features/aiguillage/aiguillage.css';
import { URL_REGLES, deposerVersion, lireVersion, urlVersion } from '../../features/aiguillage/api.js';
import { useRegionsGerees } from '../../features/aiguillage/regions.js';
import { AccesReserve } from '../../features/identite/AccesReserve.js';
import { enErreurApi, messageDuChamp } from '../../features/identite/navigation.js';
import { naviguer } from '../../routeur.js';

const NATIONAL = 'national';

function Depot({ recherche }: { recherche: string }) {
  useTitrePage('Déposer une version des règles d’aiguillage');
  const parametres = new URLSearchParams(recherche);
  const depuis = parametres.get('depuis');
  const { regions, national } = useRegionsGerees();
  const [region, setRegion] = useState(parametres.get('region') ?? '');
  const [version, setVersion] = useState('');
  const [dateEffet, setDateEffet] = useState('');
  const [texte, setTexte] = useState('');
  const [chargementModele, setChargementModele] = useState(depuis !== null);
  const [erreurJson, setErreurJson] = useState<string | null>(null);
  const [erreur, setErreur] = useState<ErreurApi | null>(null);
  const [enCours, setEnCours] = useState(false);

  useEffect(() => {
    if (!depuis) return;
    const controleur = new AbortController();
    lireVersion(depuis, controleur.signal).then(
      (v) => {
        setTexte(JSON.stringify(v.contenu, null, 2));
        setChargementModele(false);
      },
      () => setChargementModele(false),
    );
    return () => controleur.abort();
  }, [depuis]);

  useEffect(() => {
    if (!region && regions?.[0]) setRegion(regions[0].code);
  }, [region, regions]);

  const lireFichier = async (fichier: File | undefined) => {
    if (!fichier) return;
    setTexte(await fichier.text());
    setErreurJson(null);
  };

  const envoyer = async (e: FormEvent) => {
    e.preventDefault();
    setErreur(null);
    let contenu: unknown;
    try {
      contenu = JSON.parse(texte);
    } catch (probleme) {
      setErreurJson(`Le contenu n’est pas un JSON valide : ${(probleme as Error).message}. Vérifiez les guillemets, les virgules et les accolades.`);
      return;
    }
    setErreurJson(null);
    setEnCours(true);
    try {
      const cree = await deposerVersion({ region_code: region === NATIONAL ? null : region, version, date_effet: dateEffet, contenu: contenu as never });
      naviguer(urlVersion(cree.id));
    } catch (probleme) {
      setErreur(enErreurApi(probleme));
    } finally {
      setEnCours(false);
    }
  };

  const erreursContenu = erreur?.champs.filter((c) => c.chemin === 'contenu' || c.chemin.startsWith('contenu.')) ?? [];
  const etat = (message: string | null | undefined) => (message ? { state: 'error' as const, stateRelatedMessage: message } : {});

  return (
    <div className="fr-container fr-pb-6w">
      <Breadcrumb
        currentPageLabel="Nouvelle version"
        homeLinkProps={{ href: '/' }}
        segments={[{ label: 'Règles d’aiguillage', linkProps: { href: region && region !== NATIONAL ? `${URL_REGLES}?region=${region}` : URL_REGLES } }]}
      />
      <h1>Déposer une nouvelle version des règles</h1>
      <p>
        La version est enregistrée comme brouillon : elle ne change aucune réponse tant qu’elle n’est pas publiée. Vous pourrez l’essayer sur les profils de
        test et la comparer avec la version en vigueur avant de la publier.
      </p>
      {erreur && (
        <Alert
          severity="error"
          as="h2"
          title="La version n’a pas été enregistrée"
          role="alert"
          className="fr-mb-3w"
          description={
            <>
              {erreur.message}
              {erreursContenu.length > 0 && (
                <ul className="fr-mt-1w">
                  {erreursContenu.map((c, i) => (
                    <li key={i}>
                      <code>{c.chemin.replace(/^contenu\.?/, '') || 'contenu'}</code> : {c.message}
                    </li>
                  ))}
                </ul>
              )}
            </>
          }
        />
      )}
      {regions === undefined ? (
        <Chargement texte="Chargement de vos régions…" />
      ) : (
        <form onSubmit={(e) => void envoyer(e)} noValidate className="fr-grid-row fr-grid-row--gutters">
          <Select
            label="Périmètre"
            className="fr-col-12 fr-col-md-4"
            {...etat(messageDuChamp(erreur, 'region_code'))}
            nativeSelectProps={{ value: region, onChange: (e) => setRegion(e.target.value), required: true }}
          >
            {regions.map((r) => (
              <option key={r.code} value={r.code}>
                {r.nom}
              </option>
            ))}
            {national && <option value={NATIONAL}>Règles nationales</option>}
          </Select>
          <Input
            label="Nom de la version"
            hintText="Par exemple 2026-2 : lettres, chiffres, point, tiret"
            className="fr-col-12 fr-col-md-4"
            {...etat(messageDuChamp(erreur, 'version'))}
            nativeInputProps={{ name: 'version', value: version, onChange: (e) => setVersion(e.target.value), required: true, autoComplete: 'off' }}
          />
          <Input
            label="Date d’effet"
            hintText="La version répond aux demandes à partir de ce jour, une fois publiée"
            className="fr-col-12 fr-col-md-4"
            {...etat(messageDuChamp(erreur, 'date_effet'))}
            nativeInputProps={{ type: 'date', name: 'date_effet', value: dateEffet, onChange: (e) => setDateEffet(e.target.value), required: true }}
          />
          <Upload
            className="fr-col-12"
            label="Charger un fichier de règles"
            hint="Fichier JSON au format des règles nationales ; son contenu remplace le texte ci-dessous."
            nativeInputProps={{ accept: 'application/json,.json', onChange: (e) => void lireFichier(e.target.files?.[0]) }}
          />
          {chargementModele ? (
            <Chargement texte="Chargement de la version de départ…" />
          ) : (
            <Input
              textArea
              className="fr-col-12"
              label="Contenu des règles (JSON)"
              hintText="Opérateurs, règles (conditions sur l’âge, la situation, le diplôme…), ordre de recommandation par situation, autres orientations."
              {...etat(erreurJson ?? (erreursContenu.length ? 'Le contenu comporte des erreurs : voir la liste en haut de la page.' : undefined))}
              nativeTextAreaProps={{
                name: 'contenu',
                value: texte,
                onChange: (e) => setTexte(e.target.value),
                className: 'fr-input trj-json',
                spellCheck: false,
                required: true,
              }}
            />
          )}
          <div className="fr-col-12">
            <Button type="submit" disabled={enCours}>
              Enregistrer le brouillon
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}

/** Coordinators: upload a new version of their region's rules (a JSON file, or the text edited here). */
export function PageDepotAiguillage({ recherche }: { recherche: string }) {
  return (
    <AccesReserve permission="aiguillage.regles.gerer">
      <Depot recherche={recherche} />
    </AccesReserve>
  );
}
