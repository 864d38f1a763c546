import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { creerDossier } from '../../../test/factories/dossier.js';
import { type AppDeTest, creerAppDeTest } from '../../../test/harness/app.js';
import { type CleActeur, type MondeDeTest, creerActeurs } from '../../../test/harness/acteurs.js';
import { evenementsDomainePendant } from '../../../test/harness/evenements.js';
import { rows } from '../../db/client.js';
import type { ConsentementVue } from './consentement.contract.js';

let t: AppDeTest;
let monde: MondeDeTest;
let A: string;
let B: string;

beforeAll(async () => {
  t = await creerAppDeTest();
  monde = await creerActeurs(t);
  A = monde.structureA;
  B = monde.structureB;
});
afterAll(async () => t?.close());

const revoquer = (cle: CleActeur, id: string, corps: unknown = { motif: 'demande de la personne' }) =>
  monde.acteurs[cle].client.requete({ method: 'POST', url: `/api/v1/consentements/${id}/revocation`, payload: corps as object });

async function evenementsPendant(appel: () => Promise<LightMyRequestResponse>) {
  const [avant] = await rows<{ n: number }>(t.database.db, sql`SELECT coalesce(max(id), 0)::int AS n FROM audit_evenement`);
  const reponse = await appel();
  const evenements = await rows<{
    action: string;
    resultat: string;
    cible_id: string;
    cible_structure_id: string | null;
    acteur_structure_id: string | null;
    raison: string | null;
  }>(
    t.database.db,
    sql`SELECT action, resultat, cible_id, cible_structure_id, acteur_structure_id, raison FROM audit_evenement WHERE id > ${avant!.n} ORDER BY id`,
  );
  return { reponse, evenements };
}

/** A file of structure A whose person shares it with B; returns the sharing consent. */
async function partageAvecB(): Promise<ConsentementVue> {
  const dossier = await creerDossier(t.database.db, { structureId: A, partagerAvec: B });
  return dossier.consentements!.find((c) => c.destinataire.structure_id === B)!;
}

describe('POST /api/v1/consentements/:id/revocation', () => {
  it('enregistre le retrait par la structure qui l’a recueilli : date, auteur, motif, un événement d’audit et un de domaine', async () => {
    const consentement = await partageAvecB();
    const {
      resultat: { reponse, evenements },
      evenements: domaine,
    } = await evenementsDomainePendant(t.database.db, () =>
      evenementsPendant(() => revoquer('responsableA', consentement.id, { motif: '  la personne a changé d’avis  ' })),
    );
    expect(reponse.statusCode).toBe(200);
    const vue = reponse.json<ConsentementVue>();
    expect(vue).toMatchObject({
      id: consentement.id,
      actif: false,
      motif_revocation: 'la personne a changé d’avis',
      revoque_par: { utilisateur_id: monde.acteurs.responsableA.utilisateurId, structure_id: A },
    });
    expect(Date.parse(vue.revoque_le!)).not.toBeNaN();
    expect(evenements).toEqual([
      { action: 'consentement.revoquer', resultat: 'succes', cible_id: consentement.id, cible_structure_id: A, acteur_structure_id: A, raison: null },
    ]);
    // Ids only in the audit event too: the reason typed is the consent's, the trail does not copy it.
    const [audit] = await rows<{ details: Record<string, unknown> }>(
      t.database.db,
      sql`SELECT details FROM audit_evenement WHERE action = 'consentement.revoquer' AND cible_id = ${consentement.id}`,
    );
    expect(audit!.details).toEqual({ personne_id: expect.any(String) });
    // The reason typed for the withdrawal is free text: it stays in the consent, never in the event.
    expect(domaine).toEqual([
      {
        region_code: '75',
        type: 'consentement.retire',
        agregat_type: 'consentement',
        agregat_id: consentement.id,
        structure_id: A,
        donnees: {
          portee: ['identite', 'situation', 'orientation'],
          destinataire_type: 'structure',
          destinataire_structure_id: B,
          finalite: 'orientation',
          recueilli_le: consentement.recueilli_le,
        },
      },
    ]);
  });

  it('répond 409 à un second retrait, et le journalise comme un échec', async () => {
    const consentement = await partageAvecB();
    expect((await revoquer('conseillerA', consentement.id)).statusCode).toBe(200);
    const {
      resultat: { reponse, evenements },
      evenements: domaine,
    } = await evenementsDomainePendant(t.database.db, () => evenementsPendant(() => revoquer('conseillerA', consentement.id)));
    expect(reponse.statusCode).toBe(409);
    expect(domaine).toEqual([]);
    expect(reponse.json()).toMatchObject({ erreur: { code: 'consentement.deja_revoque' } });
    expect(evenements).toMatchObject([{ action: 'consentement.revoquer', resultat: 'echec', raison: 'deja_revoque' }]);
  });

  it('répond 404 à la structure destinataire comme pour un consentement inexistant, et journalise le refus', async () => {
    const consentement = await partageAvecB();
    const {
      resultat: { reponse, evenements },
      evenements: domaine,
    } = await evenementsDomainePendant(t.database.db, () => evenementsPendant(() => revoquer('conseillerB', consentement.id)));
    expect(domaine).toEqual([]);
    const inexistant = await revoquer('conseillerB', randomUUID());
    expect(reponse.statusCode).toBe(404);
    expect({ statut: reponse.statusCode, corps: reponse.json<unknown>() }).toEqual({ statut: inexistant.statusCode, corps: inexistant.json<unknown>() });
    expect(reponse.json()).toMatchObject({ erreur: { code: 'consentement.introuvable' } });
    expect(evenements).toMatchObject([
      { action: 'consentement.revoquer', resultat: 'refus', cible_id: consentement.id, cible_structure_id: A, raison: 'hors_perimetre' },
    ]);
  });

  it('refuse un visiteur (401), un coordinateur et un analyste (403)', async () => {
    const consentement = await partageAvecB();
    expect((await revoquer('anonyme', consentement.id)).statusCode).toBe(401);
    for (const cle of ['coordinateur75', 'analyste75', 'admin'] as const) {
      const reponse = await revoquer(cle, consentement.id);
      expect(reponse.statusCode, cle).toBe(403);
      expect(reponse.json()).toMatchObject({ erreur: { code: 'identite.acces_refuse' } });
    }
  });

  it('répond 400 en français sans motif, sans rien changer', async () => {
    const consentement = await partageAvecB();
    const { resultat: reponse, evenements } = await evenementsDomainePendant(t.database.db, () => revoquer('conseillerA', consentement.id, { motif: ' ' }));
    expect(reponse.statusCode).toBe(400);
    expect(evenements).toEqual([]);
    expect(reponse.json()).toMatchObject({
      erreur: {
        code: 'validation',
        champs: [{ chemin: 'motif', message: 'indiquez le motif du retrait (par exemple « demande de la personne au téléphone »)' }],
      },
    });
    expect((await revoquer('conseillerA', consentement.id)).statusCode).toBe(200);
  });
});
