import type { LieuProche } from '../annuaire/index.js';
import type { SiteProche } from './aiguillage.contract.js';

const JOURS = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 } as const;
const heureEnFrance = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Day of the week (1 = Monday) and "HH:MM" in France at an instant. */
export function momentEnFrance(instant: Date): { jour: number; heure: string } {
  const parties = Object.fromEntries(heureEnFrance.formatToParts(instant).map((p) => [p.type, p.value]));
  return { jour: JOURS[parties.weekday as keyof typeof JOURS], heure: `${parties.hour}:${parties.minute}` };
}

/** Whether the place is open at that instant; null when its hours are not known in a structured form. */
export function ouvertA(horaires: LieuProche['horaires'], instant: Date): boolean | null {
  if (!horaires || horaires.length === 0) return null;
  const { jour, heure } = momentEnFrance(instant);
  return horaires.some((h) => h.jours.includes(jour) && h.plages.some((p) => p.debut <= heure && heure < p.fin));
}

/** A nearest place as the answer shows it; waiting times and free places are not in the directory, so never shown. */
export function versSiteProche(lieu: LieuProche, instant: Date): SiteProche {
  return {
    id: lieu.id,
    nom: lieu.nom,
    structure: { id: lieu.structure_id, nom: lieu.structure_nom },
    adresse: lieu.adresse,
    code_postal: lieu.code_postal,
    commune: lieu.commune_code ? { code: lieu.commune_code, nom: lieu.commune_nom ?? '' } : null,
    latitude: lieu.latitude,
    longitude: lieu.longitude,
    position_approximative: lieu.position_approximative,
    distance_km: Math.round(lieu.distance_km * 10) / 10,
    canaux: lieu.canaux,
    telephone: lieu.telephone,
    courriel: lieu.courriel,
    site_web: lieu.site_web,
    prise_rdv: lieu.prise_rdv,
    horaires: lieu.horaires,
    horaires_texte: lieu.horaires_texte,
    ouvert_maintenant: ouvertA(lieu.horaires, instant),
    accessibilite: lieu.accessibilite,
    demonstration: lieu.demonstration,
    date_donnees: lieu.date_donnees,
  };
}
