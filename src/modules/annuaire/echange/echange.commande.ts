import type { LigneInvalide } from './echange.lignes.js';
import type { RapportImport } from './echange.service.js';

// The import command's arguments and report, kept apart from the process so that tests read them.

export const USAGE = `Usage : npm run import:data-inclusion -- <structures.json> <services.json> [--ignorer-lignes-invalides] [--source <nom>]

  <structures.json>             structures au schéma data·inclusion v1 (tableau JSON ou une structure JSON par ligne)
  <services.json>               services rattachés à ces structures par structure_id
  --ignorer-lignes-invalides    importe les lignes valides et écarte les autres (sinon, rien n’est importé s’il y a une ligne invalide)
  --source <nom>                importe tout sous cette source (minuscules, chiffres, tirets) au lieu de la source de chaque ligne

Un nouvel import d’une source remplace ce que l’import précédent de cette source avait écrit.`;

export interface ArgumentsImport {
  structures: string;
  services: string;
  source: string | null;
  ignorerLignesInvalides: boolean;
}

export type LectureArguments = { ok: true; arguments: ArgumentsImport } | { ok: false; aide: boolean; message: string };

export function lireArguments(argv: string[]): LectureArguments {
  const fichiers: string[] = [];
  let source: string | null = null;
  let ignorerLignesInvalides = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--aide' || a === '--help' || a === '-h') return { ok: false, aide: true, message: USAGE };
    if (a === '--ignorer-lignes-invalides') ignorerLignesInvalides = true;
    else if (a === '--source' || a.startsWith('--source=')) {
      const valeur = a === '--source' ? argv[++i] : a.slice('--source='.length);
      if (!valeur || valeur.startsWith('--'))
        return { ok: false, aide: false, message: 'L’option --source attend un nom de source (par exemple --source mon-departement-2025).' };
      source = valeur;
    } else if (a.startsWith('--')) return { ok: false, aide: false, message: `Option inconnue : ${a}.` };
    else fichiers.push(a);
  }
  if (fichiers.length !== 2) {
    return {
      ok: false,
      aide: false,
      message: `Deux fichiers sont attendus (structures puis services), ${fichiers.length} reçu${fichiers.length > 1 ? 's' : ''}.`,
    };
  }
  return { ok: true, arguments: { structures: fichiers[0]!, services: fichiers[1]!, source, ignorerLignesInvalides } };
}

// Every word agrees: "7 lignes invalides".
const pluriel = (n: number, mots: string) => `${n.toLocaleString('fr-FR')} ${n > 1 ? mots.replace(/(\p{L})(?=\s|$)/gu, '$1s') : mots}`;

/**
 * Where a bad row stands, and its id: the index of an element of a JSON array (its line too when
 * the array spans several lines), the line of a JSON Lines file. Never a value of the row.
 */
function position(l: LigneInvalide): string {
  const id = l.id ? `id « ${l.id} »` : null;
  if (!l.tableau) return `ligne ${l.ligne} (élément ${l.index + 1}${id ? `, ${id}` : ''})`;
  const ou = [`élément d’indice ${l.index} du tableau`, ...(l.tableau === 'plusieurs-lignes' ? [`ligne ${l.ligne}`] : [])].join(', ');
  return id ? `${ou} (${id})` : ou;
}

/** The report as printed: every bad row with its line and reasons, then what was written. */
export function formaterRapport(rapport: RapportImport, ignorerLignesInvalides: boolean): string {
  const lignes: string[] = [];
  for (const bilan of [rapport.structures, rapport.services]) {
    lignes.push(
      `${bilan.fichier} : ${pluriel(bilan.lues, 'ligne')} lue${bilan.lues > 1 ? 's' : ''}, ${pluriel(bilan.valides, 'valide')}, ${pluriel(bilan.invalides.length, 'invalide')}.`,
    );
    for (const l of bilan.invalides) lignes.push(`  ✗ ${position(l)} : ${l.raisons.join(' ; ')}`);
  }
  const invalides = rapport.structures.invalides.length + rapport.services.invalides.length;
  if (!rapport.importe) {
    lignes.push(
      `Import refusé : ${pluriel(invalides, 'ligne invalide')}, rien n’a été importé. Corrigez ces lignes, ou relancez avec --ignorer-lignes-invalides pour n’importer que les lignes valides.`,
    );
    return lignes.join('\n');
  }
  for (const a of rapport.avertissements) lignes.push(`  ! ${a}`);
  for (const s of rapport.sources) {
    const remplace = s.remplacees ? ` (remplace ${pluriel(s.remplacees, 'structure')} d’un import précédent)` : '';
    lignes.push(`Source « ${s.source} » : ${pluriel(s.structures, 'structure')} et ${pluriel(s.services, 'service')} importés${remplace}.`);
  }
  if (rapport.sources.length === 0) lignes.push('Aucune structure valide : rien n’a été importé.');
  if (invalides && ignorerLignesInvalides)
    lignes.push(`${pluriel(invalides, 'ligne invalide')} écartée${invalides > 1 ? 's' : ''} (--ignorer-lignes-invalides).`);
  return lignes.join('\n');
}
