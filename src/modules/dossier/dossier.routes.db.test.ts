import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consentementDetentrice, corpsOuverture, creerDossier } from '../../../test/factories/dossier.js';
import { type AppDeTest, creerAppDeTest } from '../../../test/harness/app.js';
import { type CleActeur, type MondeDeTest, creerActeurs } from '../../../test/harness/acteurs.js';
import { evenementsDomainePendant } from '../../../test/harness/evenements.js';
import type { ClientHttp } from '../../../test/harness/client-http.js';
import { rows } from '../../db/client.js';
import type { ReponseAiguillage } from '../aiguillage/index.js';
import type { DossierVue, DossiersReponse } from './dossier.contract.js';

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

const client = (cle: CleActeur): ClientHttp => monde.acteurs[cle].client;
const utilisateur = (cle: CleActeur): string => monde.acteurs[cle].utilisateurId!;

interface EvenementLu {
  action: string;
  resultat: string;
  acteur_utilisateur_id: string | null;
  acteur_structure_id: string | null;
  acteur_role: string | null;
  cible_type: string | null;
  cible_id: string | null;
  cible_structure_id: string | null;
  raison: string | null;
  details: Record<string, unknown>;
}

async function dernierRang(): Promise<number> {
  const [ligne] = await rows<{ n: number }>(t.database.db, sql`SELECT coalesce(max(id), 0)::int AS n FROM audit_evenement`);
  return ligne!.n;
}

/** Runs a call and returns its response with the audit events it wrote, oldest first (S16). */
async function avecAudit(appel: () => Promise<LightMyRequestResponse>): Promise<{ reponse: LightMyRequestResponse; evenements: EvenementLu[] }> {
  const avant = await dernierRang();
  const reponse = await appel();
  const evenements = await rows<EvenementLu>(
    t.database.db,
    sql`SELECT action, resultat, acteur_utilisateur_id::text AS acteur_utilisateur_id, acteur_structure_id, acteur_role, cible_type, cible_id,
          cible_structure_id, raison, details
        FROM audit_evenement WHERE id > ${avant} ORDER BY id`,
  );
  return { reponse, evenements };
}

async function compter(table: 'dossier' | 'dossier_personne' | 'consentement'): Promise<number> {
  const [ligne] = await rows<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return ligne!.n;
}

const envoyer = (c: ClientHttp, method: 'POST' | 'PATCH', url: string, payload: unknown) => c.requete({ method, url, payload: payload as object });
const lire = (cle: CleActeur, id: string) => client(cle).get(`/api/v1/dossiers/${id}`);
/** The answer the file keeps, as it was given (the contract does not type it: see dossier.contract). */
const reponseDe = (vue: DossierVue) => vue.orientation?.aiguillage as ReponseAiguillage | null | undefined;
const sansReference = (r: LightMyRequestResponse) => ({ statut: r.statusCode, corps: r.json<unknown>() });

const PROFIL = {
  age: 30,
  situation: 'demandeur_emploi',
  cadre: false,
  niveau_diplome: 4,
  handicap_reconnu: false,
  emploi_menace_sante: false,
  commune: '33063',
};

describe('POST /api/v1/accueil/aiguillage', () => {
  it('donne à un conseiller la réponse de l’aiguillage sans rien enregistrer ni journaliser', async () => {
    const dossiers = await compter('dossier');
    const {
      resultat: { reponse, evenements },
      evenements: domaine,
    } = await evenementsDomainePendant(t.database.db, () => avecAudit(() => envoyer(client('conseillerA'), 'POST', '/api/v1/accueil/aiguillage', PROFIL)));
    expect(reponse.statusCode).toBe(200);
    expect(reponse.json<{ operateurs: { type: string }[] }>().operateurs.map((o) => o.type)).toContain('france_travail');
    expect(evenements).toEqual([]);
    expect(domaine).toEqual([]);
    expect(await compter('dossier')).toBe(dossiers);
  });

  it('refuse un visiteur (401) et un coordinateur (403)', async () => {
    expect((await envoyer(client('anonyme'), 'POST', '/api/v1/accueil/aiguillage', PROFIL)).statusCode).toBe(401);
    const coordinateur = await envoyer(client('coordinateur75'), 'POST', '/api/v1/accueil/aiguillage', PROFIL);
    expect(coordinateur.statusCode).toBe(403);
    expect(coordinateur.json()).toMatchObject({ erreur: { code: 'identite.acces_refuse' } });
  });
});

describe('POST /api/v1/dossiers', () => {
  it('ouvre le dossier d’une personne reçue : identité, réponse recalculée, choix, consentement, deux événements d’audit et deux de domaine', async () => {
    const {
      resultat: { reponse, evenements },
      evenements: domaine,
    } = await evenementsDomainePendant(t.database.db, () =>
      avecAudit(() => envoyer(client('conseillerA'), 'POST', '/api/v1/dossiers', corpsOuverture({ structureId: A, prenom: 'Inès', nom: 'Roux' }))),
    );
    expect(reponse.statusCode).toBe(201);
    const vue = reponse.json<DossierVue>();
    expect(vue).toMatchObject({
      version: 1,
      niveau_cep: 1,
      phase: 'orientation',
      detentrice: { id: A },
      referent: { id: utilisateur('conseillerA') },
      acces: { fondement: 'detentrice', parties: ['identite', 'situation', 'orientation'], modifier: true, gerer_consentements: true },
      personne: { prenom: 'Inès', nom: 'Roux', commune: { code: '33063', nom: 'Bordeaux' }, telephone: '05 56 00 00 00', courriel: null },
      situation: { situation: 'demandeur_emploi', cadre: false, niveau_diplome: 4 },
      donnees_sensibles: null,
      orientation: { choix: { operateur: 'france_travail', site: null, note: null } },
    });
    expect(reponseDe(vue)?.operateurs.map((o) => o.type)).toContain('france_travail');
    expect(vue.orientation?.version_regles).toBe(reponseDe(vue)?.version_regles);
    expect(vue.consentements).toHaveLength(1);
    expect(vue.consentements![0]).toMatchObject({
      portee: ['identite', 'situation', 'orientation'],
      destinataire: { type: 'structure', structure_id: A },
      mode_recueil: 'oral_au_guichet',
      actif: true,
      recueilli_par: { utilisateur_id: utilisateur('conseillerA'), structure_id: A },
    });
    expect(vue.consentements![0]!.texte).toContain(`J’accepte que ${vue.detentrice.nom} conserve mon identité`);

    expect(evenements.map((e) => [e.action, e.resultat, e.cible_structure_id, e.acteur_structure_id, e.acteur_role])).toEqual([
      ['dossier.creer', 'succes', A, A, 'advisor'],
      ['consentement.recueillir', 'succes', A, A, 'advisor'],
    ]);
    expect(evenements[0]).toMatchObject({ cible_type: 'dossier', cible_id: vue.id, acteur_utilisateur_id: utilisateur('conseillerA') });
    expect(evenements[1]).toMatchObject({ cible_type: 'consentement', cible_id: vue.consentements![0]!.id });

    // What indicators will count, without the person's name, contact details or the answer's sentences.
    const aiguillage = reponseDe(vue)!;
    expect(domaine).toEqual([
      {
        region_code: '75',
        type: 'dossier.ouvert',
        agregat_type: 'dossier',
        agregat_id: vue.id,
        structure_id: A,
        donnees: {
          niveau_cep: 1,
          phase: 'orientation',
          version_regles: aiguillage.version_regles,
          commune_code: '33063',
          situation: 'demandeur_emploi',
          operateurs: aiguillage.operateurs.map((o) => o.type),
          operateur_recommande: aiguillage.operateurs.find((o) => o.recommande)!.type,
          autres_orientations: aiguillage.autres_orientations.map((o) => o.code),
          choix_operateur: 'france_travail',
          consentements: 1,
        },
      },
      {
        region_code: '75',
        type: 'consentement.accorde',
        agregat_type: 'consentement',
        agregat_id: vue.consentements![0]!.id,
        structure_id: A,
        donnees: {
          portee: ['identite', 'situation', 'orientation'],
          destinataire_type: 'structure',
          destinataire_structure_id: A,
          finalite: 'accompagnement',
          mode_recueil: 'oral_au_guichet',
        },
      },
    ]);
    expect(JSON.stringify(domaine)).not.toMatch(/Inès|Roux|05 56/);
  });

  it('refuse une réponse d’aiguillage fournie par le navigateur : le serveur la recalcule', async () => {
    const corps = { ...corpsOuverture({ structureId: A }), aiguillage: { operateurs: [] } };
    const reponse = await envoyer(client('conseillerA'), 'POST', '/api/v1/dossiers', corps);
    expect(reponse.statusCode).toBe(400);
    expect(reponse.json()).toMatchObject({ erreur: { code: 'validation' } });
  });

  it('répond 400 en français en nommant les champs en cause, sans rien écrire', async () => {
    const avant = await compter('dossier_personne');
    const corps = corpsOuverture({ structureId: A });
    const { resultat: reponse, evenements } = await evenementsDomainePendant(t.database.db, () =>
      envoyer(client('conseillerA'), 'POST', '/api/v1/dossiers', {
        ...corps,
        personne: { ...corps.personne, prenom: ' ' },
        profil: { ...corps.profil, commune: '3306' },
      }),
    );
    expect(evenements).toEqual([]);
    expect(reponse.statusCode).toBe(400);
    const { erreur } = reponse.json<{ erreur: { code: string; message: string; champs: { chemin: string; message: string }[] } }>();
    expect(erreur.code).toBe('validation');
    expect(erreur.message).toBe('La requête contient des valeurs invalides : corrigez les champs indiqués et réessayez.');
    expect(erreur.champs).toEqual(
      expect.arrayContaining([
        { chemin: 'personne.prenom', message: 'prénom : ce champ est obligatoire' },
        { chemin: 'profil.commune', message: 'code INSEE de commune attendu (5 caractères, par exemple 33063)' },
      ]),
    );
    expect(await compter('dossier_personne')).toBe(avant);
  });

  it('nomme le champ du profil quand la commune n’existe pas', async () => {
    const corps = corpsOuverture({ structureId: A });
    const reponse = await envoyer(client('conseillerA'), 'POST', '/api/v1/dossiers', { ...corps, profil: { ...corps.profil, commune: '99999' } });
    expect(reponse.statusCode).toBe(400);
    expect(reponse.json<{ erreur: { champs: { chemin: string }[] } }>().erreur.champs.map((c) => c.chemin)).toEqual(['profil.commune']);
  });

  it('n’ouvre pas le dossier sans le consentement de la personne à ce que la structure le conserve', async () => {
    const avant = await compter('dossier');
    const corps = corpsOuverture({ structureId: A });
    const reponse = await envoyer(client('conseillerA'), 'POST', '/api/v1/dossiers', {
      ...corps,
      consentements: [{ ...consentementDetentrice(A), portee: ['identite', 'orientation'] }],
    });
    expect(reponse.statusCode).toBe(400);
    expect(reponse.json()).toMatchObject({ erreur: { code: 'dossier.consentement_manquant', champs: [{ chemin: 'consentements' }] } });
    expect(await compter('dossier')).toBe(avant);
  });

  it('ne note pas un handicap sans le consentement de la personne aux données sensibles', async () => {
    const corps = corpsOuverture({ structureId: A });
    const reponse = await envoyer(client('conseillerA'), 'POST', '/api/v1/dossiers', { ...corps, profil: { ...corps.profil, handicap_reconnu: true } });
    expect(reponse.statusCode).toBe(400);
    expect(reponse.json()).toMatchObject({ erreur: { code: 'dossier.consentement_sensible_manquant', champs: [{ chemin: 'profil.handicap_reconnu' }] } });
  });

  it('refuse de partager les données sensibles avec une autre structure, sans rien laisser en base', async () => {
    const avant = { personnes: await compter('dossier_personne'), dossiers: await compter('dossier'), consentements: await compter('consentement') };
    const corps = corpsOuverture({ structureId: A, partagerAvec: B, sensible: { note: 'RQTH' } });
    corps.consentements[1] = { ...corps.consentements[1]!, portee: ['identite', 'donnees_sensibles'] as never };
    const {
      resultat: { reponse, evenements },
      evenements: domaine,
    } = await evenementsDomainePendant(t.database.db, () => avecAudit(() => envoyer(client('conseillerA'), 'POST', '/api/v1/dossiers', corps)));
    expect(reponse.statusCode).toBe(400);
    expect(reponse.json()).toMatchObject({ erreur: { code: 'consentement.donnees_sensibles_partagees', champs: [{ chemin: 'consentements.1.portee' }] } });
    expect({ personnes: await compter('dossier_personne'), dossiers: await compter('dossier'), consentements: await compter('consentement') }).toEqual(avant);
    expect(evenements).toEqual([]);
    // The file's event was written before the second consent was refused: rolled back with the rest.
    expect(domaine).toEqual([]);
  });

  it('refuse un choix qui n’est pas dans la réponse donnée à la personne', async () => {
    const corps = corpsOuverture({ structureId: A });
    const reponse = await envoyer(client('conseillerA'), 'POST', '/api/v1/dossiers', { ...corps, choix: { operateur: 'apec', site_id: null, note: null } });
    expect(reponse.statusCode).toBe(400);
    expect(reponse.json()).toMatchObject({ erreur: { code: 'dossier.choix_hors_reponse', champs: [{ chemin: 'choix.operateur' }] } });
  });

  it('refuse en 403, et journalise, l’ouverture pour une structure dont l’agent n’est pas membre', async () => {
    const { reponse, evenements } = await avecAudit(() =>
      envoyer(client('conseillerA'), 'POST', '/api/v1/dossiers', { ...corpsOuverture({ structureId: B }), structure_id: B }),
    );
    expect(reponse.statusCode).toBe(403);
    expect(reponse.json()).toMatchObject({ erreur: { code: 'dossier.structure_refusee', champs: [{ chemin: 'structure_id' }] } });
    expect(evenements).toMatchObject([{ action: 'dossier.creer', resultat: 'refus', cible_structure_id: B, raison: 'hors_perimetre' }]);
  });

  it('refuse un visiteur (401), un coordinateur et un analyste (403)', async () => {
    const corps = corpsOuverture({ structureId: A });
    expect((await envoyer(client('anonyme'), 'POST', '/api/v1/dossiers', corps)).statusCode).toBe(401);
    for (const cle of ['coordinateur75', 'analyste75', 'admin'] as const) {
      const reponse = await envoyer(client(cle), 'POST', '/api/v1/dossiers', corps);
      expect(reponse.statusCode, cle).toBe(403);
      expect(reponse.json()).toMatchObject({ erreur: { code: 'identite.acces_refuse' } });
    }
  });
});

describe('GET /api/v1/dossiers/:id', () => {
  it('montre le dossier entier à la structure détentrice et journalise une lecture', async () => {
    const dossier = await creerDossier(t.database.db, { structureId: A });
    for (const cle of ['conseillerA', 'responsableA'] as const) {
      const { reponse, evenements } = await avecAudit(() => lire(cle, dossier.id));
      expect(reponse.statusCode, cle).toBe(200);
      expect(reponse.json<DossierVue>()).toMatchObject({ id: dossier.id, acces: { fondement: 'detentrice' }, personne: { prenom: 'Léa' } });
      expect(evenements).toEqual([
        {
          action: 'dossier.lire',
          resultat: 'succes',
          acteur_utilisateur_id: utilisateur(cle),
          acteur_structure_id: A,
          acteur_role: cle === 'conseillerA' ? 'advisor' : 'structure_manager',
          cible_type: 'dossier',
          cible_id: dossier.id,
          cible_structure_id: A,
          raison: 'detentrice',
          details: { parties: ['identite', 'situation', 'orientation'], lecture_donnees_personnelles: true },
        },
      ]);
    }
  });

  it("renvoie 404 à un conseiller d'une autre structure sans consentement, comme pour un identifiant inexistant, et journalise le refus", async () => {
    const dossier = await creerDossier(t.database.db, { structureId: A });
    const { reponse: etranger, evenements } = await avecAudit(() => lire('conseillerB', dossier.id));
    const inexistant = await lire('conseillerB', randomUUID());
    expect(etranger.statusCode).toBe(404);
    expect(sansReference(etranger)).toEqual(sansReference(inexistant));
    expect(etranger.json()).toEqual({
      erreur: {
        code: 'dossier.introuvable',
        message: 'Ce dossier n’existe pas ou ne vous est pas accessible : vérifiez le lien, ou retrouvez-le dans la liste de vos dossiers.',
      },
    });
    expect(evenements).toMatchObject([
      {
        action: 'dossier.lire',
        resultat: 'refus',
        acteur_utilisateur_id: utilisateur('conseillerB'),
        cible_id: dossier.id,
        cible_structure_id: A,
        raison: 'hors_perimetre',
      },
    ]);
  });

  it('le montre au conseiller dont la structure a reçu le consentement, dans les parties partagées, et journalise ce fondement', async () => {
    const dossier = await creerDossier(t.database.db, { structureId: A, partagerAvec: B });
    const partage = dossier.consentements!.find((c) => c.destinataire.structure_id === B)!;
    const { reponse, evenements } = await avecAudit(() => lire('conseillerB', dossier.id));
    expect(reponse.statusCode).toBe(200);
    const vue = reponse.json<DossierVue>();
    expect(vue).toMatchObject({
      acces: { fondement: 'consentement', parties: ['identite', 'situation', 'orientation'], modifier: false, gerer_consentements: false },
      personne: { prenom: 'Léa' },
      situation: { situation: 'demandeur_emploi' },
      donnees_sensibles: null,
      orientation: { aiguillage: null, choix: { operateur: 'france_travail' } },
      consentements: null,
    });
    expect(evenements).toMatchObject([
      {
        action: 'dossier.lire',
        resultat: 'succes',
        acteur_structure_id: B,
        cible_structure_id: A,
        raison: 'consentement',
        details: { consentements: [partage.id] },
      },
    ]);
  });

  it('ne montre que les parties du consentement : sans l’identité, ni nom ni commune', async () => {
    const dossier = await creerDossier(t.database.db, { structureId: A });
    const ajout = await envoyer(client('conseillerA'), 'POST', `/api/v1/dossiers/${dossier.id}/consentements`, {
      portee: ['orientation'],
      destinataire: { type: 'structure', structure_id: B },
      finalite: 'orientation',
      mode_recueil: 'telephone',
    });
    expect(ajout.statusCode).toBe(201);
    const vue = (await lire('conseillerB', dossier.id)).json<DossierVue>();
    expect(vue).toMatchObject({
      acces: { parties: ['orientation'] },
      personne: null,
      situation: null,
      orientation: { choix: { operateur: 'france_travail' } },
    });
    expect(JSON.stringify(vue)).not.toContain('Martin');
  });

  it('S5 : après le retrait du consentement, la requête suivante de la structure destinataire répond 404, et tout est journalisé', async () => {
    const dossier = await creerDossier(t.database.db, { structureId: A, partagerAvec: B });
    const partage = dossier.consentements!.find((c) => c.destinataire.structure_id === B)!;
    expect((await lire('conseillerB', dossier.id)).statusCode).toBe(200);

    const { reponse: retrait, evenements: audit } = await avecAudit(() =>
      envoyer(client('conseillerA'), 'POST', `/api/v1/consentements/${partage.id}/revocation`, { motif: 'demande de la personne au téléphone' }),
    );
    expect(retrait.statusCode).toBe(200);
    expect(retrait.json()).toMatchObject({
      id: partage.id,
      actif: false,
      motif_revocation: 'demande de la personne au téléphone',
      revoque_par: { utilisateur_id: utilisateur('conseillerA') },
    });
    expect(audit).toMatchObject([{ action: 'consentement.revoquer', resultat: 'succes', cible_id: partage.id, cible_structure_id: A, acteur_structure_id: A }]);

    const { reponse: apres, evenements } = await avecAudit(() => lire('conseillerB', dossier.id));
    expect(apres.statusCode).toBe(404);
    expect(sansReference(apres)).toEqual(sansReference(await lire('conseillerB', randomUUID())));
    expect(evenements).toMatchObject([{ action: 'dossier.lire', resultat: 'refus', cible_id: dossier.id, cible_structure_id: A, raison: 'hors_perimetre' }]);
    const liste = (await client('conseillerB').get('/api/v1/dossiers?par_page=100')).json<DossiersReponse>();
    expect(liste.dossiers.map((d) => d.id)).not.toContain(dossier.id);
  });

  it('refuse un visiteur (401), un coordinateur et un analyste (403) avant toute lecture', async () => {
    const dossier = await creerDossier(t.database.db, { structureId: A });
    expect((await lire('anonyme', dossier.id)).statusCode).toBe(401);
    for (const cle of ['coordinateur75', 'analyste75', 'admin', 'personne'] as const) {
      const reponse = await lire(cle, dossier.id);
      expect(reponse.statusCode, cle).toBe(403);
      expect(reponse.json()).toMatchObject({ erreur: { code: 'identite.acces_refuse' } });
    }
  });

  it('répond 400 en français pour un identifiant mal formé', async () => {
    const reponse = await lire('conseillerA', 'pas-un-uuid');
    expect(reponse.statusCode).toBe(400);
    expect(reponse.json()).toMatchObject({
      erreur: { code: 'validation', champs: [{ chemin: 'id', message: 'identifiant de dossier invalide (UUID attendu)' }] },
    });
  });
});

describe('S4 : les données sensibles ne sortent pas de la structure détentrice', () => {
  const CANARI = 'CANARI-S4-handicap-7c1e';
  const RAISON_HANDICAP = 'Votre handicap est reconnu';

  it('la note et la réponse qui les citent ne paraissent dans aucune réponse faite à un autre rôle, et disparaissent pour la détentrice au retrait', async () => {
    const dossier = await creerDossier(t.database.db, { structureId: A, partagerAvec: B, sensible: { note: CANARI } });
    // Allowed twin: the holder sees them while the person's consent stands.
    const detentrice = await lire('conseillerA', dossier.id);
    expect(detentrice.body).toContain(CANARI);
    expect(detentrice.body).toContain(RAISON_HANDICAP);
    expect(detentrice.json<DossierVue>().donnees_sensibles).toEqual({ handicap_reconnu: true, emploi_menace_sante: false, note: CANARI });

    const autres: CleActeur[] = [
      'anonyme',
      'personne',
      'autrePersonne',
      'conseillerB',
      'responsableB',
      'coordinateur75',
      'coordinateur11',
      'analyste75',
      'admin',
      'conseillerSansSecondFacteur',
    ];
    const reponses: LightMyRequestResponse[] = [];
    for (const cle of autres) {
      reponses.push(await lire(cle, dossier.id), await client(cle).get('/api/v1/dossiers?par_page=100'));
    }
    expect(reponses.filter((r) => r.statusCode === 200).length).toBeGreaterThanOrEqual(4);
    for (const r of reponses) {
      expect(r.body).not.toContain(CANARI);
      expect(r.body).not.toContain(RAISON_HANDICAP);
    }

    const sensible = dossier.consentements!.find((c) => c.portee.includes('donnees_sensibles'))!;
    const retrait = await envoyer(client('conseillerA'), 'POST', `/api/v1/consentements/${sensible.id}/revocation`, { motif: 'la personne retire son accord' });
    expect(retrait.statusCode).toBe(200);
    const apres = await lire('conseillerA', dossier.id);
    expect(apres.statusCode).toBe(200);
    expect(apres.body).not.toContain(CANARI);
    expect(apres.body).not.toContain(RAISON_HANDICAP);
    expect(apres.json<DossierVue>()).toMatchObject({
      donnees_sensibles: null,
      orientation: { aiguillage: null },
      acces: { parties: ['identite', 'situation', 'orientation'] },
    });
  });
});

describe('GET /api/v1/dossiers', () => {
  it('liste les dossiers de mes structures et ceux qu’un consentement leur partage, une lecture journalisée par page', async () => {
    const propre = await creerDossier(t.database.db, { structureId: B, prenom: 'Jules' });
    const partage = await creerDossier(t.database.db, { structureId: A, partagerAvec: B, prenom: 'Nora' });
    const autre = await creerDossier(t.database.db, { structureId: A, prenom: 'Paul' });

    const { reponse, evenements } = await avecAudit(() => client('conseillerB').get('/api/v1/dossiers?par_page=100'));
    expect(reponse.statusCode).toBe(200);
    const { dossiers, pagination } = reponse.json<DossiersReponse>();
    const ids = dossiers.map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining([propre.id, partage.id]));
    expect(ids).not.toContain(autre.id);
    expect(pagination.total).toBe(dossiers.length);
    expect(dossiers.find((d) => d.id === propre.id)).toMatchObject({ fondement: 'detentrice', detentrice: { id: B }, personne: { prenom: 'Jules' } });
    expect(dossiers.find((d) => d.id === partage.id)).toMatchObject({
      fondement: 'consentement',
      detentrice: { id: A },
      personne: { prenom: 'Nora', commune: 'Bordeaux' },
      choix: { operateur: 'france_travail', libelle: 'France Travail' },
    });
    expect(evenements).toEqual([
      expect.objectContaining({
        action: 'dossier.lister',
        resultat: 'succes',
        acteur_structure_id: B,
        acteur_role: 'advisor',
        details: { page: 1, dossiers: ids, lecture_donnees_personnelles: true },
      }),
    ]);
  });

  it('pagine, du plus récemment modifié au plus ancien', async () => {
    await creerDossier(t.database.db, { structureId: B });
    await creerDossier(t.database.db, { structureId: B });
    const c = client('responsableB');
    const premiere = (await c.get('/api/v1/dossiers?par_page=1&page=1')).json<DossiersReponse>();
    const seconde = (await c.get('/api/v1/dossiers?par_page=1&page=2')).json<DossiersReponse>();
    expect(premiere.pagination.total).toBeGreaterThanOrEqual(2);
    expect(premiere.dossiers).toHaveLength(1);
    expect(seconde.dossiers[0]!.id).not.toBe(premiere.dossiers[0]!.id);
    expect(seconde.dossiers[0]!.modifie_le <= premiere.dossiers[0]!.modifie_le).toBe(true);
  });

  it('refuse un visiteur (401), un coordinateur et un analyste (403)', async () => {
    expect((await client('anonyme').get('/api/v1/dossiers')).statusCode).toBe(401);
    expect((await client('coordinateur75').get('/api/v1/dossiers')).statusCode).toBe(403);
    expect((await client('analyste75').get('/api/v1/dossiers')).statusCode).toBe(403);
  });

  it('répond 400 en français pour une page invalide', async () => {
    const reponse = await client('conseillerA').get('/api/v1/dossiers?page=0');
    expect(reponse.statusCode).toBe(400);
    expect(reponse.json()).toMatchObject({ erreur: { code: 'validation', champs: [{ chemin: 'page', message: 'la page commence à 1' }] } });
  });
});

describe('PATCH /api/v1/dossiers/:id', () => {
  const modifier = (cle: CleActeur, id: string, corps: unknown) => envoyer(client(cle), 'PATCH', `/api/v1/dossiers/${id}`, corps);

  it('enregistre le nouveau choix de la personne, passe à la version suivante et journalise l’écriture', async () => {
    const dossier = await creerDossier(t.database.db, { structureId: A });
    const site = reponseDe(dossier)!.operateurs.find((o) => o.type === 'france_travail')!.sites[0];
    const choix = { operateur: 'france_travail', site_id: site?.id ?? null, note: 'rendez-vous pris pour le 12' };
    const { reponse, evenements } = await avecAudit(() => modifier('conseillerA', dossier.id, { version: 1, choix }));
    expect(reponse.statusCode).toBe(200);
    expect(reponse.json<DossierVue>()).toMatchObject({
      version: 2,
      phase: 'orientation',
      orientation: { choix: { operateur: 'france_travail', note: 'rendez-vous pris pour le 12', site: site ? { id: site.id, nom: site.nom } : null } },
    });
    expect(evenements).toMatchObject([
      { action: 'dossier.modifier', resultat: 'succes', cible_id: dossier.id, cible_structure_id: A, details: { version: 2 } },
    ]);

    const retire = await modifier('conseillerA', dossier.id, { version: 2, choix: null });
    expect(retire.json<DossierVue>()).toMatchObject({ version: 3, phase: 'accueil', orientation: { choix: null } });
  });

  it('refuse en 412 une modification faite sur une version périmée, sans rien écrire, et journalise l’échec', async () => {
    const dossier = await creerDossier(t.database.db, { structureId: A });
    expect((await modifier('conseillerA', dossier.id, { version: 1, choix: null })).statusCode).toBe(200);
    const { reponse, evenements } = await avecAudit(() =>
      modifier('responsableA', dossier.id, { version: 1, choix: { operateur: 'france_travail', site_id: null, note: 'écrasé ?' } }),
    );
    expect(reponse.statusCode).toBe(412);
    expect(reponse.json()).toMatchObject({ erreur: { code: 'dossier.version_perimee', champs: [{ chemin: 'version' }] } });
    expect(evenements).toMatchObject([{ action: 'dossier.modifier', resultat: 'echec', raison: 'version_perimee' }]);
    expect((await lire('conseillerA', dossier.id)).json<DossierVue>()).toMatchObject({ version: 2, orientation: { choix: null } });
  });

  it('S20 : de modifications concurrentes sur la même version, une seule passe', async () => {
    const dossier = await creerDossier(t.database.db, { structureId: A });
    const reponses = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        modifier(i % 2 ? 'conseillerA' : 'responsableA', dossier.id, { version: 1, choix: { operateur: 'france_travail', site_id: null, note: `note ${i}` } }),
      ),
    );
    expect(reponses.map((r) => r.statusCode).toSorted()).toEqual([200, 412, 412, 412, 412, 412, 412, 412]);
    expect((await lire('conseillerA', dossier.id)).json<DossierVue>().version).toBe(2);
  });

  it('refuse en 403 la structure à qui le dossier est partagé, en 404 les autres comme un dossier inexistant', async () => {
    const dossier = await creerDossier(t.database.db, { structureId: A, partagerAvec: B });
    const lecteur = await modifier('conseillerB', dossier.id, { version: 1, choix: null });
    expect(lecteur.statusCode).toBe(403);
    expect(lecteur.json()).toMatchObject({ erreur: { code: 'dossier.lecture_seule' } });

    const autre = await creerDossier(t.database.db, { structureId: A });
    const { reponse: etranger, evenements } = await avecAudit(() => modifier('conseillerB', autre.id, { version: 1, choix: null }));
    expect(etranger.statusCode).toBe(404);
    expect(sansReference(etranger)).toEqual(sansReference(await modifier('conseillerB', randomUUID(), { version: 1, choix: null })));
    expect(evenements).toMatchObject([{ action: 'dossier.modifier', resultat: 'refus', cible_structure_id: A, raison: 'hors_perimetre' }]);
    expect((await modifier('coordinateur75', autre.id, { version: 1, choix: null })).statusCode).toBe(403);
  });

  it('refuse un lieu qui n’est pas proposé pour l’opérateur choisi', async () => {
    const dossier = await creerDossier(t.database.db, { structureId: A });
    const reponse = await modifier('conseillerA', dossier.id, { version: 1, choix: { operateur: 'france_travail', site_id: randomUUID(), note: null } });
    expect(reponse.statusCode).toBe(400);
    expect(reponse.json()).toMatchObject({ erreur: { code: 'dossier.lieu_hors_reponse', champs: [{ chemin: 'choix.site_id' }] } });
  });

  it('répond 400 en français sans version', async () => {
    const dossier = await creerDossier(t.database.db, { structureId: A });
    const reponse = await modifier('conseillerA', dossier.id, { choix: null });
    expect(reponse.statusCode).toBe(400);
    expect(reponse.json()).toMatchObject({ erreur: { code: 'validation', champs: [{ chemin: 'version', message: 'version du dossier attendue' }] } });
  });
});

describe('POST /api/v1/dossiers/:id/consentements', () => {
  const ajouter = (cle: CleActeur, id: string, corps: unknown) => envoyer(client(cle), 'POST', `/api/v1/dossiers/${id}/consentements`, corps);
  const partageB = () => ({
    portee: ['identite', 'orientation'],
    destinataire: { type: 'structure', structure_id: B },
    finalite: 'orientation',
    mode_recueil: 'telephone',
  });

  it('recueille un partage avec une autre structure, qui voit aussitôt le dossier ; un événement d’audit', async () => {
    const dossier = await creerDossier(t.database.db, { structureId: A });
    expect((await lire('conseillerB', dossier.id)).statusCode).toBe(404);
    const {
      resultat: { reponse, evenements },
      evenements: domaine,
    } = await evenementsDomainePendant(t.database.db, () => avecAudit(() => ajouter('conseillerA', dossier.id, partageB())));
    expect(reponse.statusCode).toBe(201);
    const consentement = reponse.json<{ id: string; texte: string; destinataire: { structure_nom: string } }>();
    expect(consentement.texte).toContain(
      `partage mon identité (prénom, nom, commune, coordonnées) et la réponse d’orientation qui m’a été donnée et mon choix avec ${consentement.destinataire.structure_nom}`,
    );
    expect(evenements).toMatchObject([{ action: 'consentement.recueillir', resultat: 'succes', cible_id: consentement.id, cible_structure_id: A }]);
    expect(domaine).toEqual([
      {
        region_code: '75',
        type: 'consentement.accorde',
        agregat_type: 'consentement',
        agregat_id: consentement.id,
        structure_id: A,
        donnees: {
          portee: ['identite', 'orientation'],
          destinataire_type: 'structure',
          destinataire_structure_id: B,
          finalite: 'orientation',
          mode_recueil: 'telephone',
        },
      },
    ]);
    expect((await lire('conseillerB', dossier.id)).statusCode).toBe(200);
  });

  it('exige une précision pour une finalité « autre »', async () => {
    const dossier = await creerDossier(t.database.db, { structureId: A });
    const reponse = await ajouter('conseillerA', dossier.id, { ...partageB(), finalite: 'autre' });
    expect(reponse.statusCode).toBe(400);
    expect(reponse.json()).toMatchObject({
      erreur: { code: 'validation', champs: [{ chemin: 'finalite_precision', message: 'précisez la finalité quand elle est « autre »' }] },
    });
  });

  it('refuse une structure destinataire inconnue de l’annuaire', async () => {
    const dossier = await creerDossier(t.database.db, { structureId: A });
    const reponse = await ajouter('conseillerA', dossier.id, { ...partageB(), destinataire: { type: 'structure', structure_id: randomUUID() } });
    expect(reponse.statusCode).toBe(400);
    expect(reponse.json()).toMatchObject({ erreur: { code: 'consentement.destinataire_inconnu', champs: [{ chemin: 'destinataire.structure_id' }] } });
  });

  it('refuse en 403 la structure à qui le dossier est partagé et en 404 les autres, en journalisant', async () => {
    const dossier = await creerDossier(t.database.db, { structureId: A, partagerAvec: B });
    expect((await ajouter('conseillerB', dossier.id, partageB())).statusCode).toBe(403);
    const autre = await creerDossier(t.database.db, { structureId: A });
    const {
      resultat: { reponse, evenements },
      evenements: domaine,
    } = await evenementsDomainePendant(t.database.db, () => avecAudit(() => ajouter('conseillerB', autre.id, partageB())));
    expect(reponse.statusCode).toBe(404);
    expect(domaine).toEqual([]);
    expect(sansReference(reponse)).toEqual(sansReference(await ajouter('conseillerB', randomUUID(), partageB())));
    expect(evenements).toMatchObject([{ action: 'consentement.recueillir', resultat: 'refus', cible_id: autre.id, cible_structure_id: A }]);
  });
});
