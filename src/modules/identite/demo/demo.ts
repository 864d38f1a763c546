import { randomInt } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Db } from '../../../db/client.js';
import type { ConfigSocle } from '../../../shared/config.js';
import { z } from '../../../shared/zod.js';
import { type StructureResume, structuresDeDemonstration } from '../../annuaire/index.js';
import { type ConfigIdentite, coutHachage } from '../identite.config.js';
import { type ParametresScrypt, hacherMotDePasse } from '../identite.motdepasse.js';
import { ROLES_PERMISSIONS } from '../identite.permissions.js';
import { ALPHABET_RECUPERATION } from '../identite.recuperation.js';
import * as repository from '../identite.repository.js';
import { codeTotpCourant, genererSecretTotp, uriOtpauth } from '../identite.totp.js';

const DOMAINE_DEMO = '@demo.trajectoires.invalid';

const adhesionDemo = z.union([
  z.strictObject({ role: z.enum(['advisor', 'structure_manager']), structure: z.string().min(1).describe('source_id de la structure de démonstration') }),
  z.strictObject({ role: z.enum(['coordinator', 'analyst']), territoire: z.string().regex(/^\d{2}$/, 'code de région') }),
  z.strictObject({ role: z.literal('admin') }),
]);

/** data/demo/comptes.json: agents (with memberships) and people (without) of the demo territory. */
export const comptesDemoFichier = z.strictObject({
  avertissement: z.string(),
  comptes: z
    .array(
      z.strictObject({
        email: z.email().refine((e) => e === e.toLowerCase() && e.endsWith(DOMAINE_DEMO), `adresse en minuscules, du domaine ${DOMAINE_DEMO}`),
        prenom: z.string().min(1),
        nom: z.string().min(1),
        adhesions: z.array(adhesionDemo),
      }),
    )
    .min(1),
});
export type CompteDemo = z.infer<typeof comptesDemoFichier>['comptes'][number];

const fichierComptes = new URL('../../../../data/demo/comptes.json', import.meta.url);

export async function lireComptesDemo(): Promise<CompteDemo[]> {
  return comptesDemoFichier.parse(JSON.parse(await readFile(fichierComptes, 'utf8'))).comptes;
}

/** What a developer needs to sign in as a demo account; written to a local file, never committed. */
export interface IdentifiantsDemo {
  email: string;
  /** "Responsable de structure – CIBC Gironde (démonstration)". */
  libelle: string;
  motDePasse: string;
  /** Base32 TOTP secret of agents; people sign in without a second factor. */
  secretTotp: string | null;
}

function libelleDe(compte: CompteDemo, structures: Map<string, StructureResume>): string {
  if (compte.adhesions.length === 0) return 'Personne accompagnée';
  return compte.adhesions
    .map((a) => {
      const role = ROLES_PERMISSIONS[a.role].libelle;
      if ('structure' in a) return `${role} – ${structures.get(a.structure)?.nom ?? a.structure}`;
      if ('territoire' in a) return `${role} – région ${a.territoire}`;
      return role;
    })
    .join(' ; ');
}

// Demo passwords are printed on the console: 2^14 at most, whatever the configured cost.
const LOG2N_MAX_DEMO = 14;

// 100 random bits in groups easy to read and type (the recovery codes' alphabet, without look-alikes);
// 23 characters pass the administrators' length as well.
const motDePasseDemo = () =>
  Array.from({ length: 4 }, () => Array.from({ length: 5 }, () => ALPHABET_RECUPERATION[randomInt(ALPHABET_RECUPERATION.length)]).join('')).join('-');

/**
 * Creates the demo accounts that do not exist yet (an existing address is left as it is), in
 * one transaction, with a fresh password and, for agents, an active TOTP secret. With `reemettre`,
 * the demo accounts that exist get the same fresh credentials instead, and there must be at least
 * one: an address that is not a demo account is still left as it is. Returns the credentials of
 * the accounts created or reissued: they exist nowhere else in clear. Refuses to run in
 * production, where nobody may hold a password printed on a console.
 */
export async function seederComptesDemo(
  db: Db,
  options: { environnement: string; comptes: CompteDemo[]; structures: Map<string, StructureResume>; coutHachage: ParametresScrypt; reemettre?: boolean },
): Promise<{ crees: IdentifiantsDemo[]; reemis: IdentifiantsDemo[]; existants: string[] }> {
  if (options.environnement === 'production') {
    throw new Error(
      'Comptes de démonstration refusés en production (NODE_ENV=production) : leurs mots de passe sont affichés en clair. ' +
        'Retirez DEMO_TERRITOIRE ou lancez le service hors production.',
    );
  }
  const { comptes, structures } = options;
  // Outside production only (checked above): a quicker start for a throw-away password.
  const cout = { ...options.coutHachage, log2N: Math.min(options.coutHachage.log2N, LOG2N_MAX_DEMO) };
  const structureId = (cle: string) => {
    const structure = structures.get(cle);
    if (!structure)
      throw new Error(`Compte de démonstration : structure « ${cle} » introuvable. Chargez le territoire de démonstration (DEMO_TERRITOIRE=true).`);
    return structure.id;
  };
  return db.transaction(async (tx) => {
    const crees: IdentifiantsDemo[] = [];
    const reemis: IdentifiantsDemo[] = [];
    const existants: string[] = [];
    for (const compte of comptes) {
      const existant = await repository.findUtilisateurParEmail(tx, compte.email);
      if (existant && !(options.reemettre && existant.demonstration)) {
        existants.push(compte.email);
        continue;
      }
      const motDePasse = motDePasseDemo();
      const agent = compte.adhesions.length > 0;
      const secretTotp = agent ? genererSecretTotp() : null;
      const acces = {
        motDePasse: await hacherMotDePasse(motDePasse, { coutReduitHorsProduction: cout }),
        totpSecret: secretTotp,
        totpActive: secretTotp !== null,
      };
      const identifiants = { email: compte.email, libelle: libelleDe(compte, structures), motDePasse, secretTotp };
      if (existant) {
        // Back to the state of its creation: the old password, second factor and recovery codes
        // stop working, and so do the sessions they opened.
        await repository.updateUtilisateur(tx, existant.id, { ...acces, totpDernierPas: null, codesRecuperation: [], modifieLe: new Date() });
        await repository.deleteSessionsOf(tx, existant.id);
        reemis.push(identifiants);
        continue;
      }
      const id = await repository.insertUtilisateur(tx, {
        type: agent ? 'agent' : 'personne',
        email: compte.email,
        prenom: compte.prenom,
        nom: compte.nom,
        ...acces,
        demonstration: true,
      });
      for (const a of compte.adhesions) {
        await repository.insertAdhesion(tx, {
          utilisateurId: id,
          role: a.role,
          structureId: 'structure' in a ? structureId(a.structure) : null,
          territoireCode: 'territoire' in a ? a.territoire : null,
        });
      }
      crees.push(identifiants);
    }
    // Rolls back what the loop created: a database without demo accounts is not made a demo one.
    if (options.reemettre && reemis.length === 0) {
      throw new Error('Aucun compte de démonstration dans cette base : npm start les crée hors production, avec DEMO_TERRITOIRE=true.');
    }
    return { crees, reemis, existants };
  });
}

/**
 * Where the demo credentials are kept: beside the embedded database's folder (.data/ by default,
 * ignored by git), whether the database is that one or a PostgreSQL server. The start and every
 * script resolve it here from the same configuration, so a script finds what the start wrote.
 */
export function fichierIdentifiantsDemo(config: Pick<ConfigSocle, 'DATA_DIR'>): string {
  return path.resolve(path.dirname(config.DATA_DIR), 'comptes-demo.json');
}

/** The settings the demo accounts are created under: environment, credentials file, TOTP issuer, hashing cost. */
export type ConfigDemo = Pick<ConfigSocle, 'NODE_ENV' | 'DATA_DIR' | 'MARQUE_SERVICE'> & ConfigIdentite;

/** The credentials kept in `fichier` (none when it does not exist). */
export async function lireIdentifiantsDemo(fichier: string): Promise<IdentifiantsDemo[]> {
  try {
    return JSON.parse(await readFile(fichier, 'utf8')) as IdentifiantsDemo[];
  } catch (erreur) {
    if ((erreur as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw erreur;
  }
}

async function retenirIdentifiantsDemo(fichier: string, crees: IdentifiantsDemo[]): Promise<IdentifiantsDemo[]> {
  const emails = new Set(crees.map((c) => c.email));
  const tous = [...(await lireIdentifiantsDemo(fichier)).filter((c) => !emails.has(c.email)), ...crees];
  if (crees.length === 0) return tous;
  // The accounts are already committed: a missing folder (a server database started without DATA_DIR)
  // or a crash mid-write must not lose the only copy of their passwords.
  await mkdir(path.dirname(fichier), { recursive: true });
  const provisoire = `${fichier}.${process.pid}`;
  await writeFile(provisoire, `${JSON.stringify(tous, null, 2)}\n`, { mode: 0o600 });
  await rename(provisoire, fichier);
  return tous;
}

function presenter(comptes: CompteDemo[], connus: IdentifiantsDemo[], { fichier, emetteur }: { fichier: string; emetteur: string }): string {
  const lignes = [`Comptes de démonstration (hors production seulement ; identifiants gardés dans ${fichier}) :`];
  for (const compte of comptes) {
    const c = connus.find((i) => i.email === compte.email);
    if (!c) {
      lignes.push(
        '',
        `  ${compte.email} : créé auparavant, identifiants absents de ce fichier. Pour en émettre de nouveaux, arrêtez le service ` +
          'puis lancez npm run demo:reinitialiser avec les mêmes DATA_DIR et DATABASE_URL.',
      );
      continue;
    }
    lignes.push('', `  ${c.libelle}`, `    ${c.email}   mot de passe : ${c.motDePasse}`);
    if (c.secretTotp) {
      lignes.push(
        `    code TOTP du moment : npm run demo:code-totp -- ${c.email}`,
        `    ou dans une application d’authentification : ${uriOtpauth({ secret: c.secretTotp, compte: c.email, emetteur })}`,
      );
    }
  }
  return lignes.join('\n');
}

async function emettreComptesDemo(db: Db, config: ConfigDemo, reemettre: boolean): Promise<string> {
  const comptes = await lireComptesDemo();
  const { crees, reemis } = await seederComptesDemo(db, {
    environnement: config.NODE_ENV,
    comptes,
    structures: await structuresDeDemonstration(db),
    coutHachage: coutHachage(config),
    reemettre,
  });
  const fichier = fichierIdentifiantsDemo(config);
  return presenter(comptes, await retenirIdentifiantsDemo(fichier, [...crees, ...reemis]), { fichier, emetteur: config.MARQUE_SERVICE });
}

/**
 * Start-up in development: creates the missing demo accounts, keeps the credentials of new ones
 * in the file of `fichierIdentifiantsDemo` (mode 600, outside git) and returns the block to print.
 */
export const preparerComptesDemo = (db: Db, config: ConfigDemo): Promise<string> => emettreComptesDemo(db, config, false);

/**
 * npm run demo:reinitialiser: new credentials for every demo account of an existing demo database
 * (the missing ones are created), kept in the same file as at start-up; returns the block to print.
 */
export const reinitialiserComptesDemo = (db: Db, config: ConfigDemo): Promise<string> => emettreComptesDemo(db, config, true);

/**
 * The TOTP code a demo account's authenticator would show now, from the secret kept at its
 * creation; null for an unknown address or an account without second factor.
 */
export async function codeTotpDemo(fichier: string, email: string, maintenant: Date): Promise<{ code: string; secondesRestantes: number } | null> {
  const identifiants = (await lireIdentifiantsDemo(fichier)).find((i) => i.email === email.trim().toLowerCase());
  if (!identifiants?.secretTotp) return null;
  return { code: codeTotpCourant(identifiants.secretTotp, maintenant), secondesRestantes: 30 - (Math.floor(maintenant.getTime() / 1000) % 30) };
}
