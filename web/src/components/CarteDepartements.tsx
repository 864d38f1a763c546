import 'maplibre-gl/dist/maplibre-gl.css';
import { LngLatBounds, Map as CarteMapLibre, Marker, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import type { FeatureCollection } from 'geojson';
import urlTravailleur from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { lireContours } from '../api/annuaire.js';
import type { Contours } from '../api/types.js';
import { naviguer } from '../routeur.js';

setWorkerUrl(urlTravailleur);

/** A place drawn as a link-marker: the list beside the map carries the same link. */
export interface PointSurCarte {
  id: string;
  href: string;
  /** Accessible name of the marker's link. */
  libelle: string;
  /** Tooltip. */
  titre: string;
  longitude: number;
  latitude: number;
}

interface Props {
  points: PointSurCarte[];
  /** Region whose departements are drawn as background; null while it is being found. */
  region: string | null;
  /** Title of the map for assistive technologies; says where the same content is as text. */
  titre: string;
  nomMarqueur: string;
  /** What the person can do when WebGL is missing. */
  siIndisponible: string;
  vueInitiale: { centre: [number, number]; zoom: number };
  zoomMaximal: number;
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

/**
 * A map drawn from our own data only (no tile server): the departement outlines of a region as
 * background and one link-marker per point. `data-etat="prete"` tells the browser tests it is drawn.
 */
export function CarteDepartements({ points, region, titre, nomMarqueur, siIndisponible, vueInitiale, zoomMaximal }: Props) {
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
        style: { version: 8, sources: {}, layers: [{ id: 'fond', type: 'background', paint: { 'background-color': '#eef3f8' } }] },
        center: vueInitiale.centre,
        zoom: vueInitiale.zoom,
        attributionControl: false,
        locale: {
          'Map.Title': titre,
          'NavigationControl.ZoomIn': 'Zoomer',
          'NavigationControl.ZoomOut': 'Dézoomer',
          'NavigationControl.ResetBearing': 'Réorienter la carte vers le nord',
          'Marker.Title': nomMarqueur,
          'Popup.Close': 'Fermer',
        },
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
    // Created once: the initial view and the texts are read at creation, the points follow.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a new map per prop change would lose the user's view
  }, []);

  useEffect(() => {
    if (!region) return;
    const controleur = new AbortController();
    lireContours({ niveau: 'departement', region }, controleur.signal).then(setContours, () => {
      // The outlines are only a background: the markers remain useful without them.
    });
    return () => controleur.abort();
  }, [region]);

  useEffect(() => {
    const instance = carte.current;
    if (!pret || !instance || !contours) return;
    const source = instance.getSource('departements');
    if (source && 'setData' in source && typeof source.setData === 'function') {
      (source as unknown as { setData(d: unknown): void }).setData(contours);
    } else {
      instance.addSource('departements', { type: 'geojson', data: contours as unknown as FeatureCollection });
      instance.addLayer({ id: 'departements-fond', type: 'fill', source: 'departements', paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.9 } });
      instance.addLayer({ id: 'departements-limites', type: 'line', source: 'departements', paint: { 'line-color': '#6a6af4', 'line-width': 1.2 } });
    }
  }, [pret, contours]);

  useEffect(() => {
    const instance = carte.current;
    if (!pret || !instance) return;
    const conteneurCarte = conteneur.current;
    const marqueurs = points.map((p) => {
      const lien = document.createElement('a');
      lien.href = p.href;
      lien.className = 'trj-marqueur';
      lien.setAttribute('aria-label', p.libelle);
      lien.title = p.titre;
      lien.addEventListener('click', (e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        naviguer(p.href);
      });
      return new Marker({ element: lien, anchor: 'bottom' }).setLngLat([p.longitude, p.latitude]).addTo(instance);
    });
    if (conteneurCarte) conteneurCarte.dataset.marqueurs = String(marqueurs.length);
    const fond = contours ? etendue(contours) : null;
    if (points.length > 1) {
      const bornes = new LngLatBounds();
      for (const p of points) bornes.extend([p.longitude, p.latitude]);
      instance.fitBounds(bornes, { padding: 48, maxZoom: zoomMaximal, duration: 0 });
    } else if (points[0]) instance.jumpTo({ center: [points[0].longitude, points[0].latitude], zoom: zoomMaximal - 1 });
    else if (fond) instance.fitBounds(fond, { padding: 16, duration: 0 });
    instance.once('idle', () => {
      if (conteneurCarte) conteneurCarte.dataset.etat = 'prete';
    });
    instance.triggerRepaint();
    return () => {
      if (conteneurCarte) delete conteneurCarte.dataset.etat;
      marqueurs.forEach((m) => m.remove());
    };
  }, [pret, points, contours, zoomMaximal]);

  if (indisponible) return <p className="fr-text--sm trj-carte-indisponible">{siIndisponible}</p>;
  return <div ref={conteneur} className="trj-carte" data-marqueurs="0" />;
}
