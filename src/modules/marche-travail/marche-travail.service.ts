import type { ServiceContext } from '../../shared/contexte.js';
import { motsDe } from '../../shared/texte.js';
import { findBassinBmo, listZonesEmploiDuBassin, localiserCommune, requireCommune } from '../territoire/index.js';
import type {
  BassinQuery,
  BassinReponse,
  LigneMetier,
  MetierBmo,
  MetiersBmoQuery,
  PerspectivesQuery,
  PerspectivesReponse,
  Source,
} from './marche-travail.contract.js';
import { marcheTravailErrors } from './marche-travail.errors.js';
import { additionnerEffectifs, chiffresBmo, classerMetiers, type ChiffresBmo } from './marche-travail.indicateurs.js';
import * as repository from './marche-travail.repository.js';
import type { MetierBmoRow, ProjetRow } from './marche-travail.repository.js';

type Ctx = Pick<ServiceContext, 'db'>;
type CodeSource = 'bmo_2024' | 'fap_2021' | 'tension_2020' | 'chomage_ze_2020';

const MESSAGE_CORRESPONDANCE =
  'Aucune table officielle ne relie les métiers du ROME 4.0 aux familles de métiers de l’enquête BMO (FAP 2021) : ' +
  'les chiffres BMO affichés sont ceux de la famille choisie par la personne, pas une correspondance calculée.';

async function sources(ctx: Ctx): Promise<Record<CodeSource, Source>> {
  const lignes = await repository.listSources(ctx.db);
  const parCode = Object.fromEntries(lignes.map((s) => [s.code, s])) as Partial<Record<CodeSource, Source>>;
  const { bmo_2024, fap_2021, tension_2020, chomage_ze_2020 } = parCode;
  if (!bmo_2024 || !fap_2021 || !tension_2020 || !chomage_ze_2020) throw marcheTravailErrors.donneesAbsentes();
  return { bmo_2024, fap_2021, tension_2020, chomage_ze_2020 };
}

function toMetier(row: MetierBmoRow): MetierBmo {
  return {
    code: row.code,
    libelle: row.libelle,
    famille: { code: row.famille_code, libelle: row.famille_libelle },
    domaine: { code: row.domaine_code, libelle: row.domaine_libelle },
  };
}

/** The published parts of each occupation of an area, added up (a secret part makes the sum secret). */
function agregerParMetier(lignes: ProjetRow[]): Map<string, ChiffresBmo> {
  const parties = new Map<string, ProjetRow[]>();
  for (const l of lignes) parties.set(l.metier_code, [...(parties.get(l.metier_code) ?? []), l]);
  const resultat = new Map<string, ChiffresBmo>();
  for (const [code, p] of parties) {
    resultat.set(
      code,
      chiffresBmo(
        additionnerEffectifs(p.map((x) => ({ valeur: x.projets, secret: x.projets_secret }))),
        additionnerEffectifs(p.map((x) => ({ valeur: x.difficiles, secret: x.difficiles_secret }))),
        additionnerEffectifs(p.map((x) => ({ valeur: x.saisonniers, secret: x.saisonniers_secret }))),
      ),
    );
  }
  return resultat;
}

/** BMO occupation families, accent-blind; their detailed FAP labels are searched too. */
export async function searchMetiersBmo(ctx: Ctx, query: MetiersBmoQuery) {
  const [lignes, s] = await Promise.all([repository.searchMetiersBmo(ctx.db, query.q ? motsDe(query.q) : []), sources(ctx)]);
  return { metiers: lignes.map(toMetier), source: s.bmo_2024 };
}

/**
 * What the local labour market says of an occupation near a commune: BMO 2024 projects of the
 * commune's area for the family the person chose, tension 2020 of the ROME code in that area,
 * unemployment of the employment area. Each missing figure says why it is missing.
 */
export async function perspectives(ctx: Ctx, query: PerspectivesQuery): Promise<PerspectivesReponse> {
  const commune = await requireCommune(ctx, query.commune);
  const [lieu, metierRow, s] = await Promise.all([
    localiserCommune(ctx, commune.code),
    query.metier_bmo ? repository.findMetierBmo(ctx.db, query.metier_bmo) : Promise.resolve(undefined),
    sources(ctx),
  ]);
  if (query.metier_bmo && !metierRow) throw marcheTravailErrors.metierBmoInconnu(query.metier_bmo);
  const bassin = lieu.bassinBmo;
  const [recrutements, tension, chomage] = await Promise.all([
    recrutementsDuBassin(ctx, bassin?.code ?? null, metierRow ?? null, s.bmo_2024),
    tensionDuBassin(ctx, bassin?.code ?? null, query.rome ?? null, s.tension_2020),
    chomageDeLaZone(ctx, lieu.zoneEmploi, s.chomage_ze_2020),
  ]);

  return {
    commune: { code: commune.code, nom: commune.nom, departement: commune.departement },
    bassin_bmo: bassin,
    zone_emploi: lieu.zoneEmploi,
    metier_bmo: metierRow ? toMetier(metierRow) : null,
    rome: query.rome ?? null,
    correspondance_rome_bmo: null,
    correspondance_message: MESSAGE_CORRESPONDANCE,
    recrutements,
    tension,
    chomage,
  };
}

async function recrutementsDuBassin(
  ctx: Ctx,
  bassinCode: string | null,
  metier: MetierBmoRow | null,
  source: Source,
): Promise<PerspectivesReponse['recrutements']> {
  if (!metier) return { disponible: false, message: 'Choisissez une famille de métiers BMO pour voir les projets de recrutement du bassin.' };
  if (!bassinCode) {
    return {
      disponible: false,
      message: 'Cette commune ne figure pas dans la table des bassins d’emploi BMO : aucun projet de recrutement ne peut lui être rattaché.',
    };
  }
  const lignes = await repository.listProjets(ctx.db, bassinCode, metier.code);
  const chiffres = agregerParMetier(lignes).get(metier.code);
  if (!chiffres) {
    return {
      disponible: false,
      message: `L’enquête BMO 2024 ne publie aucun projet de recrutement pour « ${metier.libelle} » dans ce bassin.`,
    };
  }
  return { disponible: true, source, annee: lignes[0]!.annee, ...chiffres };
}

async function tensionDuBassin(ctx: Ctx, bassinCode: string | null, rome: string | null, source: Source): Promise<PerspectivesReponse['tension']> {
  if (!rome)
    return { disponible: false, message: 'Sans code ROME, les offres, demandeurs et tension de 2020 (classés par métier ROME) ne peuvent pas être affichés.' };
  if (!bassinCode)
    return {
      disponible: false,
      message: 'Cette commune ne figure pas dans la table des bassins d’emploi : la tension de 2020 ne peut pas lui être rattachée.',
    };
  // The 2020 file is keyed by 2019 areas; their codes are those of 2024 for all but 196 communes.
  const ligne = await repository.findTension(ctx.db, rome, bassinCode);
  if (ligne) {
    return {
      disponible: true,
      source,
      annee: ligne.annee,
      rome: { code: ligne.rome_code, libelle: ligne.rome_libelle },
      offres: ligne.offres,
      demandeurs: ligne.demandeurs,
      indice_tension: ligne.indice_tension,
    };
  }
  return {
    disponible: false,
    message: (await repository.romeConnu(ctx.db, rome))
      ? `Le fichier de 2020 n’a pas de ligne pour le métier ${rome} dans ce bassin d’emploi.`
      : `Le code ROME ${rome} n’apparaît pas dans le fichier de 2020 (codes ROME v3) : aucune tension à afficher.`,
  };
}

async function chomageDeLaZone(ctx: Ctx, zone: { code: string; libelle: string | null } | null, source: Source): Promise<PerspectivesReponse['chomage']> {
  if (!zone) return { disponible: false, message: 'Cette commune ne figure pas dans la composition des zones d’emploi 2020 (codes communes de 2023).' };
  const serie = await repository.listTauxChomage(ctx.db, [zone.code]);
  if (serie.length === 0) return { disponible: false, message: 'L’INSEE ne publie pas de taux de chômage pour cette zone d’emploi.' };
  return { disponible: true, source, zone_emploi: zone, serie: serie.map(({ trimestre, taux }) => ({ trimestre, taux })) };
}

/** A BMO area for its territory page: the occupations that recruit most and the hardest ones, unemployment of its employment areas. */
export async function bassin(ctx: Ctx, code: string, query: BassinQuery): Promise<BassinReponse> {
  const b = await findBassinBmo(ctx, code);
  if (!b) throw marcheTravailErrors.bassinIntrouvable();
  const [projets, zones, s] = await Promise.all([repository.listProjets(ctx.db, code), listZonesEmploiDuBassin(ctx, code), sources(ctx)]);
  const parMetier = agregerParMetier(projets);
  const metiers = await repository.listMetiersBmoParCodes(ctx.db, [...parMetier.keys()]);
  const lignes: LigneMetier[] = metiers.flatMap((m) => {
    const chiffres = parMetier.get(m.code);
    return chiffres ? [{ metier: toMetier(m), ...chiffres }] : [];
  });
  const classes = classerMetiers(lignes, { limite: query.limite, minProjets: query.min_projets });
  const taux = await repository.listTauxChomage(
    ctx.db,
    zones.map((z) => z.code),
  );
  return {
    bassin: b,
    recrutements: {
      source: s.bmo_2024,
      annee: projets[0]?.annee ?? null,
      min_projets: query.min_projets,
      ...classes,
    },
    chomage: {
      source: s.chomage_ze_2020,
      zones_emploi: zones.map((z) => ({
        ...z,
        serie: taux.filter((t) => t.zone_emploi_code === z.code).map(({ trimestre, taux: valeur }) => ({ trimestre, taux: valeur })),
      })),
    },
  };
}
