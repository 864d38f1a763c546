import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { creerBaseDeTest } from '../../../test/harness/base.js';
import { type ServeurSmtp, demarrerServeurSmtp } from '../../../test/harness/smtp.js';
import { type Database, rows } from '../../db/client.js';
import { creerMessagerie } from '../../shared/messagerie.js';
import { type FileDeTravaux, creerFileDeTravaux } from '../taches/index.js';
import { FILE_COURRIELS, type DependancesCourriel, declarerEnvoiDesCourriels, envoyerCourrielEnFile, mettreEnFileCourriel } from './courriel.service.js';

const MAINTENANT = new Date('2027-03-15T07:00:00Z');

let database: Database;
let smtp: ServeurSmtp;
let file: FileDeTravaux;
let deps: DependancesCourriel;
const echecs: string[] = [];
// Addresses the mail server refuses once each, then accepts.
const aRefuserUneFois = new Set<string>();

const courriel = (a: string) => ({ a, sujet: 'Votre fiche dans l’annuaire', texte: 'Bonjour,\nvotre fiche attend votre confirmation.' });
const recusPar = (a: string) => smtp.courriels.filter((c) => c.a.includes(a));
const enFile = (regionCode: string | null, cle: string, a: string) =>
  database.db.transaction((tx) => mettreEnFileCourriel(tx, file, { regionCode, cle, courriel: courriel(a) }, MAINTENANT));
const envoi = async (cle: string) =>
  (
    await rows<{ region_code: string; id: string; message: unknown; envoye_le: Date | string | null }>(
      database.db,
      sql`SELECT region_code, id, message, envoye_le FROM courriel_envoi WHERE cle = ${cle}`,
    )
  )[0]!;
const fileVide = () =>
  vi.waitFor(async () => expect((await file.profondeurs())[FILE_COURRIELS]).toEqual({ enAttente: 0, enCours: 0, echecs: 0 }), {
    timeout: 10_000,
    interval: 100,
  });

beforeAll(async () => {
  database = await creerBaseDeTest();
  smtp = await demarrerServeurSmtp({
    refuserDestinataire: (adresse) => aRefuserUneFois.delete(adresse),
  });
  const messagerie = creerMessagerie({ smtpUrl: smtp.url, expediteur: 'Trajectoires <ne-pas-repondre@trajectoires.localhost>', environnement: 'test' });
  deps = { db: database.db, messagerie, now: () => MAINTENANT };
  file = creerFileDeTravaux(database, { sondageSecondes: 0.5 });
  // The production delays (a minute, doubled) with none: the rule is the retry, not its pace.
  declarerEnvoiDesCourriels(file, deps, { reprises: 2, delaiSecondes: 0 });
  await file.demarrer({ surEchec: (f) => echecs.push(f) });
});
afterAll(async () => {
  await file?.arreter();
  await smtp?.close();
  await database?.close();
});

describe('courriels envoyés par la file de travaux', () => {
  it('un courriel mis en file avec son changement est envoyé une fois, puis son contenu effacé ; la même clé ne l’écrit ni ne l’envoie de nouveau', async () => {
    expect(await enFile('75', 'essai:une-fois', 'sacha.durand@exemple.fr')).toBe(true);
    expect(await enFile('75', 'essai:une-fois', 'sacha.durand@exemple.fr')).toBe(false);

    const recu = await smtp.attendreCourriel((c) => c.a.includes('sacha.durand@exemple.fr'));
    expect(recu.sujet).toBe('Votre fiche dans l’annuaire');
    expect(recu.texte).toBe('Bonjour,\nvotre fiche attend votre confirmation.');
    await fileVide();
    expect(recusPar('sacha.durand@exemple.fr')).toHaveLength(1);
    const ligne = await envoi('essai:une-fois');
    expect(ligne.message).toBeNull();
    expect(new Date(ligne.envoye_le!).toISOString()).toBe(MAINTENANT.toISOString());
  });

  it('un travail rejoué après l’envoi consigné, par la file ou directement, n’envoie rien de plus', async () => {
    const { region_code: regionCode, id } = await envoi('essai:une-fois');

    await file.envoyer(database.db, FILE_COURRIELS, { regionCode, id });
    await fileVide();
    expect(await envoyerCourrielEnFile(deps, { regionCode, id })).toBe('deja_envoye');

    expect(recusPar('sacha.durand@exemple.fr')).toHaveLength(1);
  });

  it('un courriel refusé par le serveur SMTP est repris par la file, puis remis une seule fois', async () => {
    aRefuserUneFois.add('camille.petit@exemple.fr');
    const avant = echecs.length;

    await enFile(null, 'essai:refuse-une-fois', 'camille.petit@exemple.fr');

    await smtp.attendreCourriel((c) => c.a.includes('camille.petit@exemple.fr'));
    await fileVide();
    expect(echecs.slice(avant)).toEqual([FILE_COURRIELS]);
    expect(recusPar('camille.petit@exemple.fr')).toHaveLength(1);
    const ligne = await envoi('essai:refuse-une-fois');
    expect(ligne.region_code).toBe('00');
    expect(ligne.message).toBeNull();
  });

  it('le courriel d’une transaction annulée n’est ni écrit ni envoyé', async () => {
    await expect(
      database.db.transaction(async (tx) => {
        await mettreEnFileCourriel(tx, file, { regionCode: '75', cle: 'essai:annule', courriel: courriel('dominique.roux@exemple.fr') }, MAINTENANT);
        throw new Error('changement refusé');
      }),
    ).rejects.toThrow('changement refusé');
    // A mail sent after it, through the same queue, arrives: the cancelled one would have come first.
    await enFile('75', 'essai:apres-annulation', 'dominique.roux@exemple.fr');
    await smtp.attendreCourriel((c) => c.a.includes('dominique.roux@exemple.fr'));
    await fileVide();

    expect(recusPar('dominique.roux@exemple.fr')).toHaveLength(1);
    expect(await rows(database.db, sql`SELECT 1 FROM courriel_envoi WHERE cle = 'essai:annule'`)).toEqual([]);
  });
});
