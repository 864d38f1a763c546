import { Button } from '@codegouvfr/react-dsfr/Button';
import { Input } from '@codegouvfr/react-dsfr/Input';
import { Select } from '@codegouvfr/react-dsfr/Select';
import { type FormEvent, useEffect, useState } from 'react';
import type { Referentiels } from '../../api/types.js';
import { ChampCommune, useCommuneSaisie } from './ChampCommune.js';
import { type Criteres, RAYONS_KM } from './criteres.js';
import { grouperThematiques } from './libelles.js';

interface Props {
  criteres: Criteres;
  /** Name of the commune of the current search, as the API read it (for shared links). */
  nomCommune: string | null;
  referentiels: Referentiels | null;
  onRechercher: (criteres: Criteres) => void;
}

/** Directory filters: need, theme, public, network, place, radius, order. Applied on submit. */
export function FormulaireRecherche({ criteres, nomCommune, referentiels, onRechercher }: Props) {
  const [brouillon, setBrouillon] = useState<Criteres>(criteres);
  const { commune, setCommune, choisir, erreurCommune, envoi, codeAEnvoyer } = useCommuneSaisie({
    texte: nomCommune ?? '',
    code: criteres.commune || null,
  });

  // The address changed (back button, shared link): the form shows what is searched.
  useEffect(() => {
    setBrouillon(criteres);
    setCommune((c) => (c.code === (criteres.commune || null) && c.texte ? c : { texte: nomCommune ?? '', code: criteres.commune || null }));
  }, [criteres, nomCommune, setCommune]);

  const modifier = <K extends keyof Criteres>(cle: K, valeur: Criteres[K]) => setBrouillon((b) => ({ ...b, [cle]: valeur }));

  const soumettre = async (e: FormEvent) => {
    e.preventDefault();
    const code = await codeAEnvoyer();
    if (code === undefined) return;
    onRechercher({ ...brouillon, commune: code ?? '', tri: code ? brouillon.tri : brouillon.tri === 'distance' ? '' : brouillon.tri, page: 1 });
  };

  const groupes = referentiels ? grouperThematiques(referentiels) : [];

  return (
    <form onSubmit={(e) => void soumettre(e)} aria-labelledby="titre-filtres" noValidate className="trj-filtres">
      <h2 id="titre-filtres" className="fr-h5">
        Critères de recherche
      </h2>
      <Input
        label="Votre besoin"
        hintText="Par exemple : bilan de compétences, reconversion, trouver une formation"
        nativeInputProps={{ name: 'q', type: 'search', value: brouillon.q, onChange: (e) => modifier('q', e.target.value), maxLength: 200 }}
      />
      <Select
        label="Thématique"
        nativeSelectProps={{ name: 'thematiques', value: brouillon.thematique, onChange: (e) => modifier('thematique', e.target.value) }}
      >
        <option value="">Toutes les thématiques</option>
        {groupes.map((g) => (
          <optgroup key={g.famille} label={g.libelle}>
            <option value={g.famille}>{g.libelle} : tout le thème</option>
            {g.thematiques.map((t) => (
              <option key={t.valeur} value={t.valeur}>
                {t.libelle}
              </option>
            ))}
          </optgroup>
        ))}
      </Select>
      <Select label="Public" nativeSelectProps={{ name: 'publics', value: brouillon.public, onChange: (e) => modifier('public', e.target.value) }}>
        <option value="">Tous les publics</option>
        {referentiels?.publics.map((p) => (
          <option key={p.valeur} value={p.valeur}>
            {p.libelle}
          </option>
        ))}
      </Select>
      <Select label="Réseau" nativeSelectProps={{ name: 'reseaux', value: brouillon.reseau, onChange: (e) => modifier('reseau', e.target.value) }}>
        <option value="">Tous les réseaux</option>
        {referentiels?.reseaux.map((r) => (
          <option key={r.code} value={r.code}>
            {r.libelle}
          </option>
        ))}
      </Select>
      <ChampCommune label="Commune" valeur={commune} onChange={choisir} erreur={erreurCommune} />
      <Select
        label="Distance maximale"
        hint="Autour de la commune choisie"
        nativeSelectProps={{ name: 'rayon_km', value: brouillon.rayon_km, onChange: (e) => modifier('rayon_km', e.target.value) }}
      >
        <option value="">Par défaut (30 km)</option>
        {RAYONS_KM.map((r) => (
          <option key={r} value={String(r)}>
            {r} km
          </option>
        ))}
      </Select>
      <Select label="Trier par" nativeSelectProps={{ name: 'tri', value: brouillon.tri, onChange: (e) => modifier('tri', e.target.value as Criteres['tri']) }}>
        <option value="">Pertinence</option>
        <option value="distance">Distance (commune requise)</option>
      </Select>
      <Button type="submit" iconId="fr-icon-search-line" iconPosition="left" disabled={envoi}>
        Rechercher
      </Button>
    </form>
  );
}
