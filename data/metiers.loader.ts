import type { Database } from '../src/db/client.js';
import { type DonneesMetiers, replaceReferentielMetiers } from '../src/modules/metiers/index.js';
import { normaliserTexte } from '../src/shared/texte.js';
import { ReferenceDataError, type ReferenceData } from './reference.js';

const fichier = (nom: string) => `rome/unix_${nom}_v460_utf8.csv`;

/** Every file of ROME 4.0 that rome/SOURCE.md lists, and its release note. */
export const FICHIERS_METIERS = [
  ...[
    'referentiel_code_rome',
    'referentiel_appellation',
    'cr_gd_dp',
    'grand_domaine',
    'domaine_professionnel',
    'referentiel_competence',
    'referentiel_savoir',
    'referentiel_contexte_travail',
    'item',
    'liens_rome_referentiels',
    'coherence_item',
    'composition_bloc',
    'descriptif_rubrique',
    'rubrique_mobilite',
    'texte',
    'referentiel_code_rome_riasec',
    'referentiel_macro_competence_riasec',
    'centre_interet',
    'arborescence_centre_interet',
    'secteur_activite',
    'sous_secteur_activite',
    'arborescence_secteur_activite',
    'secteur_naf',
    'arborescence_secteur_naf',
    'themes',
    'arborescence_thematique',
  ].map(fichier),
  'rome/version.txt',
];

export const empreinteMetiers = (reference: ReferenceData) => reference.empreinteDe(FICHIERS_METIERS);

const vide = (v: string | undefined): string | null => (v === undefined || v.trim() === '' ? null : v);
const oui = (v: string | undefined): boolean => v === 'O';
const dateIso = (v: string) => {
  const [jour, mois, annee] = v.split('/');
  return `${annee}-${mois}-${jour}`;
};

/** Version number, title and dates of the release note (version.txt, « Clé : valeur » lines). */
export function lireVersion(texte: string): DonneesMetiers['version'] {
  const champ = (cle: string) => new RegExp(`^${cle}\\s*:\\s*(.*)$`, 'm').exec(texte)?.[1]?.trim();
  const numero = Number(champ('Numero de version'));
  const publication = champ('Date de publication');
  if (!Number.isInteger(numero) || !publication || !/^\d{2}\/\d{2}\/\d{4}$/.test(publication)) {
    throw new ReferenceDataError('rome/version.txt : numéro de version ou date de publication illisible.');
  }
  const validation = champ('Date de validation');
  return {
    numero,
    libelle: champ('Titre/commentaire') || `ROME 4.0 version ${numero}`,
    datePublication: dateIso(publication),
    dateValidation: validation && /^\d{2}\/\d{2}\/\d{4}$/.test(validation) ? dateIso(validation) : null,
  };
}

/** Reads and checks ROME 4.0 (every file against MANIFEST.json, links against the fiches). */
export async function lireMetiers(reference: ReferenceData): Promise<DonneesMetiers> {
  const csv = (nom: string) => reference.csv(fichier(nom)).then((f) => f.contenu);
  const [
    fiches,
    appellations,
    crGdDp,
    grandsDomaines,
    domaines,
    competences,
    savoirs,
    contextes,
    items,
    liens,
    coherence,
    blocs,
    rubriques,
    mobilites,
    textes,
    riasecFiches,
    riasecMacro,
    centres,
    arboCentres,
    secteurs,
    sousSecteurs,
    arboSecteurs,
    secteursNaf,
    themes,
    arboThemes,
    version,
  ] = await Promise.all([
    csv('referentiel_code_rome'),
    csv('referentiel_appellation'),
    csv('cr_gd_dp'),
    csv('grand_domaine'),
    csv('domaine_professionnel'),
    csv('referentiel_competence'),
    csv('referentiel_savoir'),
    csv('referentiel_contexte_travail'),
    csv('item'),
    csv('liens_rome_referentiels'),
    csv('coherence_item'),
    csv('composition_bloc'),
    csv('descriptif_rubrique'),
    csv('rubrique_mobilite'),
    csv('texte'),
    csv('referentiel_code_rome_riasec'),
    csv('referentiel_macro_competence_riasec'),
    csv('centre_interet'),
    csv('arborescence_centre_interet'),
    csv('secteur_activite'),
    csv('sous_secteur_activite'),
    csv('arborescence_secteur_activite'),
    csv('secteur_naf'),
    csv('themes'),
    csv('arborescence_thematique'),
    reference.texte('rome/version.txt'),
  ]);
  // This one file of the publisher is Windows-1252 despite its "utf8" name (rome/SOURCE.md lists it as the others).
  const arboNaf = (await reference.csv(fichier('arborescence_secteur_naf'), 'windows-1252')).contenu;

  const classement = new Map(crGdDp.map((c) => [c.code_rome!, c]));
  const riasec = new Map(riasecFiches.map((r) => [r.code_rome!, r]));
  const riasecMacroParCode = new Map(riasecMacro.map((r) => [r.code_ogr!, r]));
  const coeur = new Map(coherence.map((c) => [`${c.code_rome}|${c.code_ogr}`, vide(c.coeur_metier)]));
  const clesLiens = new Set(liens.map((l) => `${l.code_rome}|${l.code_ogr}`));
  const horsLiens = coherence.filter((c) => !clesLiens.has(`${c.code_rome}|${c.code_ogr}`));
  if (horsLiens.length) {
    throw new ReferenceDataError(
      `rome : ${horsLiens.length} lignes de coherence_item sans lien de la fiche à l’item (par exemple ${horsLiens[0]!.code_rome} ${horsLiens[0]!.code_ogr}).`,
    );
  }
  const codesFiches = new Set(fiches.map((f) => f.code_rome!));
  const inconnu = [
    ...appellations.map((a) => a.code_rome!),
    ...mobilites.flatMap((m) => [m.code_rome!, m.code_rome_cible!]),
    ...liens.map((l) => l.code_rome!),
  ].find((c) => !codesFiches.has(c));
  if (inconnu) throw new ReferenceDataError(`rome : le code ROME ${inconnu} est cité mais n’a pas de fiche.`);
  const codesCompetences = new Set(competences.map((c) => c.code_ogr!));
  const riasecOrphelin = riasecMacro.find((r) => !codesCompetences.has(r.code_ogr!));
  if (riasecOrphelin)
    throw new ReferenceDataError(`rome : la macro-compétence ${riasecOrphelin.code_ogr} a un code RIASEC mais n’est pas au référentiel des compétences.`);
  const grandDomaineDe = new Map(crGdDp.map((c) => [c.code_domaine_professionel!, c.code_grand_domaine!]));

  return {
    version: lireVersion(version.contenu),
    grandsDomaines: grandsDomaines.map((g) => ({ code: g.code_grand_domaine!, libelle: g.libelle_grand_domaine! })),
    domaines: domaines.map((d) => ({
      code: d.code_domaine_professionnel!,
      libelle: d.libelle_domaine_professionnel!,
      // A domain's code starts with its grand domain's letter (A11 in A), should no fiche carry it.
      grandDomaineCode: grandDomaineDe.get(d.code_domaine_professionnel!) ?? d.code_domaine_professionnel!.slice(0, 1),
    })),
    fiches: fiches.map((f) => {
      const c = classement.get(f.code_rome!);
      if (!c) throw new ReferenceDataError(`rome : la fiche ${f.code_rome} n’a pas de domaine professionnel (cr_gd_dp).`);
      const r = riasec.get(f.code_rome!);
      return {
        codeRome: f.code_rome!,
        codeOgr: f.code_ogr!,
        codeFicheMetier: f.code_fiche_metier!,
        libelle: f.libelle_rome!,
        libelleRecherche: normaliserTexte(f.libelle_rome!),
        domaineCode: c.code_domaine_professionel!,
        grandDomaineCode: c.code_grand_domaine!,
        riasecMajeur: vide(r?.riasec_majeur),
        riasecMineur: vide(r?.riasec_mineur),
        transitionEco: vide(f.transition_eco),
        transitionNum: vide(f.transition_num),
        transitionDemo: vide(f.transition_demo),
        emploiReglemente: oui(f.emploi_reglemente),
        emploiCadre: oui(f.emploi_cadre),
        codeRomeParent: vide(f.code_rome_parent),
      };
    }),
    appellations: appellations.map((a) => ({
      codeOgr: a.code_ogr!,
      libelle: a.libelle_appellation_long!,
      libelleCourt: a.libelle_appellation_court!,
      libelleRecherche: normaliserTexte(a.libelle_appellation_long!),
      codeRome: a.code_rome!,
      classification: vide(a.classification),
      origine: vide(a.origine),
      peuUsite: oui(a.peu_usite),
      transitionEco: vide(a.transition_eco),
      transitionNum: vide(a.transition_num),
      transitionDemo: vide(a.transition_demo),
      emploiReglemente: oui(a.emploi_reglemente),
      emploiCadre: oui(a.emploi_cadre),
      codeRomeParent: vide(a.code_rome_parent),
    })),
    competences: competences.map((c) => {
      const r = riasecMacroParCode.get(c.code_ogr!);
      return {
        codeOgr: c.code_ogr!,
        nature: c.nature!,
        libelle: c.libelle_competence!,
        definition: vide(c.definition),
        macroCodeOgr: vide(c.code_ogr_macro_comp),
        codeMacro: vide(c.code_macro_comp),
        categorie: c.cat_comp!,
        sousCategorie: vide(c.sous_cat_comp),
        transitionEco: vide(c.transition_eco),
        transitionNum: vide(c.transition_num),
        heterogeneite: vide(c.libelle_heterogeneite),
        origine: vide(c.libelle_origine),
        riasecMajeur: vide(r?.riasec_majeur),
        riasecMineur: vide(r?.riasec_mineur),
      };
    }),
    savoirs: savoirs.map((s) => ({
      codeOgr: s.code_ogr_savoir!,
      libelle: s.libelle_savoir!,
      categorie: s.categorie_savoir!,
      sousCategorie: vide(s.sous_categorie_savoir),
      transitionEco: vide(s.transition_eco),
      transitionNum: vide(s.transition_num),
    })),
    contextes: contextes.map((c) => ({
      codeOgr: c.code_ogr!,
      libelle: c.libelle_cont_travail!,
      typeCode: c.code_type_cont_trav!,
      typeLibelle: c.libelle_type_cont_trav!,
    })),
    items: items.map((i) => ({ codeOgr: i.code_ogr!, libelle: i.libelle!, rubriqueCode: vide(i.code_rubrique) })),
    blocs: blocs.map((b) => ({ code: b.code_compo_bloc!, libelle: b.libelle_bloc! })),
    rubriques: rubriques.map((r) => ({
      code: r.code_rubrique!,
      blocCode: r.code_compo_bloc!,
      position: Number(r.position_rubrique),
      libelle: r.libelle_rubrique!,
    })),
    liens: liens.map((l) => ({
      codeRome: l.code_rome!,
      codeOgr: l.code_ogr!,
      blocCode: l.code_compo_bloc!,
      rubriqueCode: vide(l.code_rubrique),
      coeurMetier: coeur.get(`${l.code_rome}|${l.code_ogr}`) ?? null,
    })),
    mobilites: mobilites.map((m) => ({ codeRome: m.code_rome!, codeRomeCible: m.code_rome_cible!, numeroOrdre: Number(m.numero_ordre) })),
    textes: textes.map((x) => ({
      codeRome: x.code_rome!,
      blocCode: x.code_compo_bloc!,
      type: x.libelle_type_texte!,
      position: Number(x.position_phrase),
      texte: x.libelle_texte!,
    })),
    centresInteret: centres.map((c) => ({ code: c.code_centre_interet!, libelle: c.libelle_centre_interet!, definition: vide(c.definition_centre_interet) })),
    fichesCentresInteret: arboCentres.map((a) => ({ centreCode: a.code_centre_interet!, codeRome: a.code_rome!, principal: a.principal === 'oui' })),
    secteurs: secteurs.map((s) => ({ code: s.code_sect_activite!, libelle: s.libelle_sect_activite!, definition: vide(s.definition_sect_activite) })),
    sousSecteurs: sousSecteurs.map((s) => ({
      code: s.code_ss_sect_activite!,
      libelle: s.libelle_ss_sect_activite!,
      definition: vide(s.definition_ss_sect_activite),
      secteurCode: s.code_sect_activite!,
    })),
    fichesSecteurs: arboSecteurs.map((a) => ({
      secteurCode: a.code_sect_activite!,
      sousSecteurCode: vide(a.code_ss_sect_activite),
      codeRome: a.code_rome!,
      principal: a.principal === 'oui',
    })),
    secteursNaf: secteursNaf.map((s) => ({ code: s.code_secteur_naf!, codeTechnique: s.code_tech_secteur_naf!, libelle: s.libelle_secteur_naf! })),
    fichesSecteursNaf: arboNaf.map((a) => ({ secteurNafCode: a.code_secteur_naf!, codeRome: a.code_rome! })),
    themes: themes.map((x) => ({ code: x.code_theme!, libelle: x.libelle_theme!, definition: vide(x.definition_theme) })),
    fichesThemes: arboThemes.map((a) => ({ themeCode: a.code_theme!, codeRome: a.code_rome! })),
  };
}

export async function chargerMetiers(database: Database, reference: ReferenceData): Promise<DonneesMetiers['version']> {
  const [donnees, empreinte] = await Promise.all([lireMetiers(reference), empreinteMetiers(reference)]);
  await replaceReferentielMetiers(database.db, donnees, empreinte);
  return donnees.version;
}
