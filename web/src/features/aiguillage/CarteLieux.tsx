import 'maplibre-gl/dist/maplibre-gl.css';
import { LngLatBounds, Map as CarteMapLibre, Marker, NavigationControl, setWorkerUrl } from 'maplibre-gl';
import urlTravailleur from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { useEffect, useRef, useState } from 'react';
import { lireContours } from '../../api/annuaire.js';
import type { Contours } from '../../api/types.js';
import { naviguer } from '../../routeur.js';
import { distanceFrancaise } from '../annuaire/libelles.js';
import type { SiteProche } from './api.js';

setWorkerUrl(urlTravailleur);

const TEXTES_CARTE = {
  'Map.Title': 'Carte des lieux d’accueil (les mêmes lieux sont dans la liste)',
  'NavigationControl.ZoomIn': 'Zoomer',
  'NavigationControl.ZoomOut': 'Dézoomer',
  'NavigationControl.ResetBearing': 'Réorienter la carte vers le nord',
  'Marker.Title': 'Lieu d’accueil',
  'Popup.Close': 'Fermer',
};

export interface LieuSurCarte {
  site: SiteProche;
  /** Who receives there: the operator or orientation, for the marker's name. */
  pour: string;
}

/**
 * The nearest places on a map drawn from our own data: the departements of the person's region
 * as background, one link-marker per place (to its structure's page). The list carries the same.
 */
export function CarteLieux({ lieux, region }: { lieux: LieuSurCarte[]; region: string }) {
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
        center: [2.4, 46.6],
        zoom: 5,
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
    lireContours({ niveau: 'departement', region }, controleur.signal).then(setContours, () => {
      // The outlines are only a background: the markers remain useful without them.
    });
    return () => controleur.abort();
  }, [region]);

  useEffect(() => {
    const instance = carte.current;
    if (!pret || !instance || !contours) return;
    if (!instance.getSource('departements')) {
      instance.addSource('departements', { type: 'geojson', data: contours as unknown as GeoJSON.FeatureCollection });
      instance.addLayer({ id: 'departements-fond', type: 'fill', source: 'departements', paint: { 'fill-color': '#ffffff', 'fill-opacity': 0.9 } });
      instance.addLayer({ id: 'departements-limites', type: 'line', source: 'departements', paint: { 'line-color': '#6a6af4', 'line-width': 1.2 } });
    }
  }, [pret, contours]);

  useEffect(() => {
    const instance = carte.current;
    if (!pret || !instance) return;
    const conteneurCarte = conteneur.current;
    // A place shared by two operators (a France services hosting several) gets one marker.
    const uniques = [...new Map(lieux.map((l) => [l.site.id, l])).values()];
    const marqueurs = uniques.map(({ site, pour }) => {
      const lien = document.createElement('a');
      const url = `/structures/${site.structure.id}`;
      lien.href = url;
      lien.className = 'trj-marqueur';
      lien.setAttribute('aria-label', `${site.nom} – ${pour}, à ${distanceFrancaise(site.distance_km)}${site.demonstration ? ' (démonstration)' : ''}`);
      lien.title = `${site.nom} – ${pour}`;
      lien.addEventListener('click', (e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        naviguer(url);
      });
      return new Marker({ element: lien, anchor: 'bottom' }).setLngLat([site.longitude, site.latitude]).addTo(instance);
    });
    if (conteneurCarte) conteneurCarte.dataset.marqueurs = String(marqueurs.length);
    if (uniques.length > 1) {
      const bornes = new LngLatBounds();
      for (const { site } of uniques) bornes.extend([site.longitude, site.latitude]);
      instance.fitBounds(bornes, { padding: 48, maxZoom: 12, duration: 0 });
    } else if (uniques[0]) instance.jumpTo({ center: [uniques[0].site.longitude, uniques[0].site.latitude], zoom: 11 });
    instance.once('idle', () => {
      if (conteneurCarte) conteneurCarte.dataset.etat = 'prete';
    });
    instance.triggerRepaint();
    return () => {
      if (conteneurCarte) delete conteneurCarte.dataset.etat;
      marqueurs.forEach((m) => m.remove());
    };
  }, [pret, lieux]);

  if (indisponible) {
    return (
      <p className="fr-text--sm trj-carte-indisponible">
        La carte ne peut pas s’afficher sur cet appareil (WebGL indisponible). Les lieux restent consultables dans la liste.
      </p>
    );
  }
  return <div ref={conteneur} className="trj-carte" data-marqueurs="0" />;
}
