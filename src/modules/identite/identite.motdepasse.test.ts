import { scryptSync } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { doitEtreRehache, evaluerMotDePasse, hacherMotDePasse, LONGUEUR_MAX_MOT_DE_PASSE, verifierMotDePasse } from './identite.motdepasse.js';

const rapide = { coutReduitHorsProduction: { log2N: 14 } };

describe('hacherMotDePasse et verifierMotDePasse', () => {
  it('reconnaît le mot de passe haché et refuse un autre', async () => {
    const stocke = await hacherMotDePasse('cheval agrafe batterie correcte', rapide);

    expect(await verifierMotDePasse('cheval agrafe batterie correcte', stocke)).toBe(true);
    expect(await verifierMotDePasse('cheval agrafe batterie correctE', stocke)).toBe(false);
  });

  it('sale chaque empreinte : deux hachages du même mot de passe diffèrent', async () => {
    const premier = await hacherMotDePasse('même mot de passe', rapide);
    const second = await hacherMotDePasse('même mot de passe', rapide);

    expect(premier).not.toBe(second);
    expect(await verifierMotDePasse('même mot de passe', second)).toBe(true);
  });

  it('stocke par défaut N = 2^17, r = 8, p = 1, un sel de 16 octets et une clé de 32 octets que scrypt recalcule', async () => {
    const stocke = await hacherMotDePasse('phrase de passe par défaut');

    const [algorithme, log2N, r, p, sel, hash] = stocke.split('$');
    expect([algorithme, log2N, r, p]).toEqual(['scrypt', '17', '8', '1']);
    expect(Buffer.from(sel!, 'base64')).toHaveLength(16);
    expect(Buffer.from(hash!, 'base64')).toHaveLength(32);
    const N = 2 ** Number(log2N);
    const recalcule = scryptSync('phrase de passe par défaut', Buffer.from(sel!, 'base64'), 32, {
      N,
      r: Number(r),
      p: Number(p),
      maxmem: 128 * N * Number(r) * 2,
    });
    expect(recalcule.toString('base64')).toBe(hash);
    expect(doitEtreRehache(stocke)).toBe(false);
  });

  it('vérifie avec les paramètres inscrits dans l’empreinte et demande de rehacher une empreinte à coût réduit', async () => {
    const stocke = await hacherMotDePasse('ancien mot de passe', { coutReduitHorsProduction: { log2N: 12, r: 4 } });

    expect(stocke.startsWith('scrypt$12$4$1$')).toBe(true);
    expect(await verifierMotDePasse('ancien mot de passe', stocke)).toBe(true);
    expect(doitEtreRehache(stocke)).toBe(true);
  });

  it('accepte la même lettre accentuée saisie composée ou décomposée', async () => {
    const stocke = await hacherMotDePasse('été à la plage'.normalize('NFC'), rapide);

    expect(await verifierMotDePasse('été à la plage'.normalize('NFD'), stocke)).toBe(true);
  });

  it.each([
    ['une chaîne vide', ''],
    ['un autre algorithme', 'bcrypt$10$abcdefghijklmnopqrstuv'],
    ['un champ manquant', 'scrypt$14$8$1$c2VsLWRlLXNlaXplLW9jdGV0cw=='],
    ['un coût démesuré', `scrypt$40$8$1$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(32).toString('base64')}`],
    ['un sel trop court', `scrypt$14$8$1$${Buffer.alloc(4).toString('base64')}$${Buffer.alloc(32).toString('base64')}`],
    ['du base64 invalide', 'scrypt$14$8$1$!!!!$????'],
  ])('rend false sans lever d’erreur pour %s', async (_cas, stocke) => {
    await expect(verifierMotDePasse('nimporte quoi', stocke)).resolves.toBe(false);
    expect(doitEtreRehache(stocke)).toBe(true);
  });

  it('reconnaît x et seulement x (propriété)', async () => {
    const motDePasse = fc.string({ unit: 'grapheme', maxLength: 40 });
    await fc.assert(
      fc.asyncProperty(motDePasse, motDePasse, async (x, y) => {
        fc.pre(x.normalize('NFKC') !== y.normalize('NFKC'));
        const stocke = await hacherMotDePasse(x, rapide);
        expect(await verifierMotDePasse(x, stocke)).toBe(true);
        expect(await verifierMotDePasse(y, stocke)).toBe(false);
      }),
      { numRuns: 20 },
    );
  });
});

describe('evaluerMotDePasse', () => {
  const personne = { administrateur: false, contexte: ['jean.dupont@exemple.fr', 'Dupont', 'Jean'] };
  const administrateur = { ...personne, administrateur: true };
  const tropCourt = 'Choisissez un mot de passe d’au moins 12 caractères ; une phrase de plusieurs mots est plus facile à retenir.';
  const tropCourtAdministrateur =
    'Choisissez un mot de passe d’au moins 16 caractères (compte d’administration) ; une phrase de plusieurs mots est plus facile à retenir.';
  const personnel = 'Retirez de votre mot de passe votre nom, votre prénom et votre adresse électronique : ils sont faciles à deviner.';

  it.each([
    ['11 caractères aléatoires', 'Kq7#vR2mP9x', personne, [tropCourt]],
    ['12 caractères aléatoires', 'Kq7#vR2mP9xL', personne, []],
    ['15 caractères pour un administrateur', 'Kq7#vR2mP9xLw3T', administrateur, [tropCourtAdministrateur]],
    ['16 caractères pour un administrateur', 'Kq7#vR2mP9xLw3Tz', administrateur, []],
    ['une phrase de passe de 64 caractères', 'Le héron au long bec emmanché d’un long cou côtoyait une rivière', administrateur, []],
    ['une phrase de 256 caractères', 'Kq7#vR2mP9xLw3Tz'.repeat(16), personne, []],
    [
      'une phrase de 257 caractères',
      `${'Kq7#vR2mP9xLw3Tz'.repeat(16)}!`,
      personne,
      [`Choisissez un mot de passe de ${LONGUEUR_MAX_MOT_DE_PASSE} caractères au plus.`],
    ],
    ['la partie locale de l’adresse', 'xQ7!jean.dupont#Lm', personne, [personnel]],
    ['le nom, même en majuscules', 'Kq7#DUPONT!vR2m', personne, [personnel]],
  ])('%s', (_cas, motDePasse, options, attendu) => {
    expect(evaluerMotDePasse(motDePasse, options)).toEqual(attendu);
  });

  it('reconnaît un prénom accentué écrit sans accent', () => {
    const options = { administrateur: false, contexte: ['h.martin@exemple.fr', 'Martin', 'Hélène'] };

    expect(evaluerMotDePasse('Kq7#helene!vR2mP', options)).toEqual([personnel]);
    expect(evaluerMotDePasse('Kq7#hlene!vR2mPx', options)).toEqual([]);
  });

  it.each(['motdepasse123', 'azertyuiop12', 'soleil123456', 'P@ssw0rd1234'])('refuse le mot de passe courant %s et dit comment faire mieux', (motDePasse) => {
    const problemes = evaluerMotDePasse(motDePasse, personne);

    expect(problemes).toHaveLength(1);
    expect(problemes[0]).toMatch(/^Ce mot de passe est trop facile à deviner.*\. .+/);
  });

  it('n’impose aucune règle de composition : des minuscules et des espaces suffisent', () => {
    expect(evaluerMotDePasse('cheval agrafe batterie correcte', personne)).toEqual([]);
  });
});

describe('charge de hachage bornée', () => {
  it('refuse par une erreur 503 au-delà de la file, sans la compter comme un mauvais mot de passe', async () => {
    const stocke = await hacherMotDePasse('une phrase de passe assez longue', { coutReduitHorsProduction: { log2N: 12 } });
    // At most one per core and 32 waiting: 100 simultaneous checks must see some refused.
    const resultats = await Promise.allSettled(Array.from({ length: 100 }, () => verifierMotDePasse('une phrase de passe assez longue', stocke)));
    const refus = resultats.filter((r) => r.status === 'rejected');
    const acceptes = resultats.filter((r) => r.status === 'fulfilled');
    expect(refus.length).toBeGreaterThan(0);
    expect(refus.every((r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'identite.connexion_saturee')).toBe(true);
    expect(acceptes.every((r) => r.status === 'fulfilled' && r.value === true)).toBe(true);
    expect(acceptes.length).toBeGreaterThanOrEqual(33);
  });
});
