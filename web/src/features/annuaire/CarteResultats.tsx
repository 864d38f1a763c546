import 'maplibre-gl/dist/maplibre-gl.css';
import { LngLatBounds, Map as CarteMapLibre, Marker, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import urlTravailleur from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { lireContours, lireRegions } from '../../api/annuaire.js';
import type { Contours, ServiceResume } from '../../api/types.js';
import { naviguer } from '../../routeur.js';
import { formatCodeDepartement } from './libelles.js';

setWorkerUrl(urlTravailleur);

/** Demonstration territory, shown when no commune is chosen. */
const REGION_PAR_DEFAUT = '75';

const TEXTES_CARTE = {
  'Map.Title': 'Carte des résultats (le même contenu est disponible dans la liste)',
  'NavigationControl.ZoomIn': 'Zoomer',
  'NavigationControl.ZoomOut': 'Dézoomer',
  'NavigationControl.ResetBearing': 'Réorienter la carte vers le nord',
  'Marker.Title': 'Résultat',
  'Popup.Close': 'Fermer',
};

async function regionDe(codeCommune: string | null): Promise<string> {
  if (!codeCommune) return REGION_PAR_DEFAUT;
  const departement = formatCodeDepartement(codeCommune);
  const { regions } = await lireRegions();
  return regions.find((r) => r.departements.some((d) => d.code === departement))?.code ?? REGION_PAR_DEFAUT;
}

function etendue(contours: Contours): LngLatBounds | null {
  const bornes = new LngLatBounds();
  let vide = true;
  const parcourir = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number' && typeof c[1] === 'number') {
      bornes.extend([c[0], c[1]]);
      vide = false;
    } else if (Array.isArray(c)) c.forEach(parcourir);
  };
  for (const f of contours.features) parcourir((f.geometry as { coordinates?: unknown } | null)?.coordinates);
  return vide ? null : bornes;
}

interface Props {
  services: ServiceResume[];
  codeCommune: string | null;
}

/**
 * Results on a map drawn only from our own data: the departement outlines of the region as background,
 * one link-marker per result that has coordinates. The list next to it carries the same information.
 */
export function CarteResultats({ services, codeCommune }: Props) {
  const conteneur = useRef<HTMLDivElement>(null);
  const carte = useRef<CarteMapLibre | null>(null);
  const [pret, setPret] = useState(false);
  const [indisponible, setIndisponible] = useState(false);
  const [contours, setContours] = useState<Contours | null>(null);

  useEffect(() => {
    if (!conteneur.current) return;
    let instance: CarteMapLibre;
    try {
      instance = new CarteMapLibre({
        container: conteneur.current,
        style: {
          version: 8,
          sources: {},
          layers: [{ id: 'fond', type: 'background', paint: { 'background-color': '#eef3f8' } }],
        },
        center: [0.2, 45.2],
        zoom: 5.5,
        attributionControl: false,
        locale: TEXTES_CARTE,
        dragRotate: false,
        pitchWithRotate: false,
      });
    } catch {
      setIndisponible(true);
      return;
    }
    instance.touchZoomRotate.disableRotation();
    instance.addControl(new NavigationControl({ showCompass: false }), 'top-right');
    instance.on('load', () => setPret(true));
    carte.current = instance;
    return () => {
      carte.current = null;
      setPret(false);
      instance.remove();
    };
  }, []);

  useEffect(() => {
    const controleur = new AbortController();
    regionDe(codeCommune)
      .then((region) => lireContours({ niveau: 'departement', region }, controleur.signal))
      .then(setContours, () => {
        // The outlines are only a background: the markers remain useful without them.
      });
    return () => controleur.abort();
  }, [codeCommune]);

  useEffect(() => {
    const instance = carte.current;
    if (!pret || !instance || !contours) return;
    const source = instance.getSource('departements');
    if (source && 'setData' in source && typeof source.setData === 'function') {
      (source as unknown as { setData(d: unknown): void }).setData(contours);
    } else {
      instance.addSource('departements', { type: 'geojson', data: contours as unknown as GeoJSON.FeatureCollection });
      instance.addLayer({ id: 'departements-fond', type: 'fill', source: 'departements', paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.9 } });
      instance.addLayer({ id: 'departements-limites', type: 'line', source: 'departements', paint: { 'line-color': '#6a6af4', 'line-width': 1.2 } });
    }
  }, [pret, contours]);

  useEffect(() => {
    const instance = carte.current;
    if (!pret || !instance) return;
    const conteneurCarte = conteneur.current;
    const places = services.filter((s) => s.site?.latitude != null && s.site.longitude != null);
    const marqueurs = places.map((s) => {
      const lien = document.createElement('a');
      lien.href = `/services/${s.id}`;
      lien.className = 'trj-marqueur';
      lien.setAttribute('aria-label', `${s.nom} – ${s.structure.nom}${s.demonstration ? ' (démonstration)' : ''}`);
      lien.title = `${s.nom} – ${s.structure.nom}`;
      lien.addEventListener('click', (e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        naviguer(`/services/${s.id}`);
      });
      return new Marker({ element: lien, anchor: 'bottom' }).setLngLat([s.site!.longitude!, s.site!.latitude!]).addTo(instance);
    });
    if (conteneurCarte) conteneurCarte.dataset.marqueurs = String(marqueurs.length);

    const bornes = new LngLatBounds();
    for (const s of places) bornes.extend([s.site!.longitude!, s.site!.latitude!]);
    const region = contours ? etendue(contours) : null;
    if (places.length > 1) instance.fitBounds(bornes, { padding: 48, maxZoom: 11, duration: 0 });
    else if (places.length === 1) instance.jumpTo({ center: bornes.getCenter(), zoom: 10 });
    else if (region) instance.fitBounds(region, { padding: 16, duration: 0 });
    instance.once('idle', () => {
      if (conteneurCarte) conteneurCarte.dataset.etat = 'prete';
    });
    instance.triggerRepaint();
    return () => {
      if (conteneurCarte) delete conteneurCarte.dataset.etat;
      marqueurs.forEach((m) => m.remove());
    };
  }, [pret, services, contours]);

  if (indisponible) {
    return (
      <p className="fr-text--sm trj-carte-indisponible">
        La carte ne peut pas s’afficher sur cet appareil (WebGL indisponible). Les résultats restent consultables dans la liste.
      </p>
    );
  }
  return <div ref={conteneur} className="trj-carte" data-marqueurs="0" />;
}
